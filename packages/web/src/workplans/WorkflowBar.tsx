import { capabilityForAction, nextStepOf, type PlanAction } from "@baara/core";
import { Button, Group, Menu, Modal, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { errorText, hrefOf, send } from "../api/client.ts";
import type { Workplan } from "../api/types.ts";
import { inboxKey } from "../inbox/queries.ts";
import { projectKeys } from "../projects/queries.ts";
import { LimitedText } from "../ui/LimitedText.tsx";
import { replacedBy } from "./plan-standing.tsx";
import { planKeys } from "./queries.ts";

/** Submit, approve, endorse, return with a comment; a new version once the plan is approved. */
export function WorkflowBar({ plan, can }: { plan: Workplan; can: (capability: string) => boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [action, setAction] = useState<PlanAction | null>(null);
  const [comment, setComment] = useState("");
  const superseded = replacedBy(plan);
  // A superseded version takes no step, and is revised from the version in force.
  const actions = (["submit", "approve", "endorse", "return"] as const).filter(
    (a) => nextStepOf(plan.status, a, superseded) !== null && can(capabilityForAction(a)),
  );
  const transition = useMutation({
    mutationFn: (a: PlanAction) =>
      send("transitionWorkplan", {
        params: { id: plan.id },
        body: { action: a, comment: comment || undefined, version: plan.version },
      }),
    onSuccess: (updated) => {
      queryClient.setQueryData(planKeys.plan(plan.id), updated);
      void queryClient.invalidateQueries({ queryKey: planKeys.history(plan.id) });
      void queryClient.invalidateQueries({ queryKey: projectKeys.workplans(plan.projectId) });
      void queryClient.invalidateQueries({ queryKey: ["portfolio"] });
      void queryClient.invalidateQueries({ queryKey: inboxKey });
      setAction(null);
      setComment("");
    },
  });
  const newVersion = useMutation({
    mutationFn: () => send("createWorkplan", {
      params: { id: plan.projectId },
      body: { year: plan.year, copyFromId: plan.id },
    }),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: projectKeys.workplans(plan.projectId) });
      void navigate(`/workplans/${created.id}`);
    },
  });

  return (
    <Group gap="xs">
      {actions.map((a) => (
        <Button key={a} size="sm" variant={a === "return" ? "default" : "filled"} color={a === "return" ? "gray" : "indigo"} onClick={() => setAction(a)}>
          {t(`planAction.${a}`)}
        </Button>
      ))}
      {plan.status !== "draft" && superseded === null && can("plan.create") && (
        <Button size="sm" variant="light" loading={newVersion.isPending} onClick={() => newVersion.mutate()}>
          {t("workflow.newVersion")}
        </Button>
      )}
      <Menu>
        <Menu.Target>
          <Button size="sm" variant="default">
            {t("plan.export")}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item component="a" href={hrefOf("exportWorkplan", { id: plan.id }, { format: "xlsx" })} download>
            {t("plan.exportXlsx")}
          </Menu.Item>
          <Menu.Item component="a" href={hrefOf("exportWorkplan", { id: plan.id }, { format: "awp" })} download>
            {t("plan.exportAwp")}
          </Menu.Item>
          <Menu.Item component="a" href={hrefOf("exportWorkplan", { id: plan.id }, { format: "csv" })} download>
            {t("plan.exportCsv")}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {newVersion.isError && (
        <Text c="red" size="sm" role="alert">
          {errorText(newVersion.error)}
        </Text>
      )}
      {action && (
        <Modal opened onClose={() => setAction(null)} title={t(`planAction.${action}`)}>
          <Stack>
            {transition.isError && (
              <Text c="red" role="alert">
                {errorText(transition.error)}
              </Text>
            )}
            <LimitedText limit="workflowComment" label={t("workflow.commentLabel")} value={comment} onChange={setComment} rows={3} data-autofocus />
            <Group justify="end">
              <Button variant="default" onClick={() => setAction(null)}>
                {t("common.cancel")}
              </Button>
              <Button loading={transition.isPending} onClick={() => transition.mutate(action)}>
                {t("common.confirm")}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Group>
  );
}

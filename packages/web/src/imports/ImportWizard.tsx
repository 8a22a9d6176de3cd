import { type api, type ColumnRole, isOutsidePeriod, planTitleFromFileName, suggestPlanYear } from "@baara/core";
import { Alert, Button, Group, Modal, NumberInput, Progress, Select, Stack, Stepper, Text, Textarea } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { errorText, pathOf, send, upload } from "../api/client.ts";
import type { Project } from "../api/types.ts";
import { projectKeys, useWorkplans } from "../projects/queries.ts";
import { useFormat } from "../ui/format.ts";
import { ColumnMapping } from "./ColumnMapping.tsx";
import { FileDrop } from "./FileDrop.tsx";
import { ImportPreviewStep } from "./ImportPreviewStep.tsx";

type ImportRecord = api.ImportRecord;
type Preview = NonNullable<ImportRecord["interpretation"]>;
/** How often the wizard asks how the background reading or writing is going. */
const POLL_MS = 400;

/**
 * Upload or paste → column mapping → preview with findings → commit as a new
 * plan version. The server reads the file and writes the plan in the
 * background: the wizard follows the import until each step is done.
 */
export default function ImportWizard({ project, onClose }: { project: Project; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState("");
  const [year, setYear] = useState<number | string>(() => suggestPlanYear(project, new Date()));
  const [title, setTitle] = useState("");
  const plans = useWorkplans(project.id);
  const outside = typeof year === "number" && isOutsidePeriod(project, year);
  /** A chosen file's name usually says the plan's year (« PTBA 2022.xlsx ») and names the plan. */
  const chooseFile = (chosen: File | null) => {
    setFile(chosen);
    setTitle(chosen ? (planTitleFromFileName(chosen.name) ?? "") : "");
    if (chosen) setYear(suggestPlanYear(project, new Date(), chosen.name));
  };
  const [sheet, setSheet] = useState<string | null>(null);
  const [roles, setRoles] = useState<ColumnRole[] | null>(null);
  const [record, setRecord] = useState<ImportRecord | null>(null);
  const preview: Preview | null = record?.interpretation ?? null;
  const [progress, setProgress] = useState<number | null>(null);
  /** What the progress bar is about: sending the file, reading it, or writing the plan. */
  const [stage, setStage] = useState<"uploading" | "reading" | "writing">("uploading");
  const [error, setError] = useState<string | null>(null);

  // Stops following the import once the wizard is closed.
  const open = useRef(true);
  useEffect(
    () => () => {
      open.current = false;
    },
    [],
  );

  const form = () => {
    const data = new FormData();
    if (typeof year === "number") data.set("year", String(year));
    if (file) data.set("file", file);
    else data.set("text", text);
    return data;
  };

  /** Polls the import until its job is done with the current step. */
  async function follow(current: ImportRecord): Promise<ImportRecord | null> {
    let latest = current;
    while (latest.status === "reading" || latest.status === "committing") {
      setStage(latest.status === "reading" ? "reading" : "writing");
      setProgress(latest.job?.progress ?? 0);
      await new Promise((done) => setTimeout(done, POLL_MS));
      if (!open.current) return null;
      latest = await send("getImport", { params: { id: latest.id } });
    }
    return latest;
  }

  /** Shows a read import: its interpretation, or why it could not be read. */
  function showRead(read: ImportRecord, nextStep: number) {
    setRecord(read);
    if (read.status === "failed" || !read.interpretation) {
      setError(read.error?.message ?? t("errors.unexpected"));
      return;
    }
    setRoles(read.interpretation.mapping.roles);
    setSheet(read.interpretation.sheet);
    setStep(nextStep);
  }

  async function run(work: () => Promise<void>) {
    setError(null);
    setStage("uploading");
    setProgress(0);
    try {
      await work();
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setProgress(null);
    }
  }

  /** Step 0: uploads the file (or the pasted cells) and waits for it to be read. */
  const read = () =>
    run(async () => {
      const created = await upload<ImportRecord>(pathOf("createImport", { id: project.id }), form(), setProgress);
      const done = await follow(created);
      if (done) showRead(done, 1);
    });

  /** Step 1: reads the kept file again with the sheet and the columns as corrected. */
  const reread = (current: ImportRecord) =>
    run(async () => {
      const options = { ...(typeof year === "number" ? { year } : {}), ...(sheet ? { sheet } : {}), ...(roles ? { roles } : {}) };
      const done = await follow(await send("rereadImport", { params: { id: current.id }, body: options }));
      if (done) showRead(done, 2);
    });

  /** Step 2: writes the plan as a new version and opens it. */
  const commit = (current: ImportRecord) =>
    run(async () => {
      const body = { ...(typeof year === "number" ? { year } : {}), ...(title.trim() ? { title: title.trim() } : {}) };
      const done = await follow(await send("commitImport", { params: { id: current.id }, body }));
      if (!done) return;
      if (done.status !== "committed" || !done.workplanId) {
        setRecord(done);
        setError(done.error?.message ?? t("errors.unexpected"));
        return;
      }
      void queryClient.invalidateQueries({ queryKey: projectKeys.workplans(project.id) });
      onClose();
      void navigate(`/workplans/${done.workplanId}`);
    });

  return (
    <Modal
      opened
      onClose={onClose}
      title={t("imports.title")}
      size={step === 2 ? "72rem" : "xl"}
      // As tall as the screen when it needs to be: no dimmed strip under it for the long steps' rows to scroll over.
      yOffset={0}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <Stack>
        <Stepper active={step} onStepClick={(s) => s < step && setStep(s)} size="sm">
          <Stepper.Step label={t("imports.stepFile")} />
          <Stepper.Step label={t("imports.stepMapping")} />
          <Stepper.Step label={t("imports.stepPreview")} />
        </Stepper>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {progress !== null && (
          <Stack gap={2}>
            <Text size="sm">{t(`imports.${stage}`, { percent: Math.round(progress * 100) })}</Text>
            <Progress value={progress * 100} aria-label={t(`imports.${stage}`, { percent: Math.round(progress * 100) })} />
          </Stack>
        )}
        {step === 0 && (
          <Stack>
            <FileDrop file={file} onChange={chooseFile} />
            <Textarea label={t("imports.orPaste")} value={text} onChange={(e) => setText(e.currentTarget.value)} minRows={4} autosize maxRows={10} disabled={Boolean(file)} />
            <NumberInput
              label={t("imports.year")}
              value={year}
              onChange={setYear}
              min={2000}
              max={2100}
              maw={360}
              description={outside ? t("project.yearOutsidePeriod", { start: format.date(project.startDate) || "…", end: format.date(project.endDate) || "…" }) : undefined}
            />
            <Group justify="end">
              <Button disabled={!file && !text.trim()} loading={progress !== null} onClick={() => void read()}>
                {t("imports.read")}
              </Button>
            </Group>
          </Stack>
        )}
        {step === 1 && record && preview && roles && (
          <Stack>
            {preview.sheets.length > 1 && (
              <Select label={t("imports.sheet")} data={preview.sheets} value={sheet} onChange={setSheet} w={260} />
            )}
            <ColumnMapping mapping={preview.mapping} roles={roles} onChange={setRoles} />
            <Group justify="end">
              <Button onClick={() => void reread(record)} loading={progress !== null}>
                {t("imports.reread")}
              </Button>
            </Group>
          </Stack>
        )}
        {step === 2 && record && preview && (
          <ImportPreviewStep
            project={project}
            interpretation={preview}
            year={typeof year === "number" ? year : null}
            plans={plans.data?.items ?? []}
            title={title}
            onTitle={setTitle}
            busy={progress !== null}
            onCancel={onClose}
            onCommit={() => void commit(record)}
          />
        )}
      </Stack>
    </Modal>
  );
}

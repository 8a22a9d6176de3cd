import { isMessageCode, type Locale, type MessageCode, translate } from "@baara/core";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import * as z from "zod";
import { AppError, type FieldProblem } from "./errors.ts";
import { requestLocale } from "./locale.ts";
import { RequestValidationError } from "./validation.ts";

const zodLocales = { fr: z.locales.fr().localeError, en: z.locales.en().localeError };

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) => {
    const locale = requestLocale(request);
    const validation = findValidationError(error);
    if (validation) {
      const details = validationDetails(validation, locale);
      return reply.status(400).send(body("VALIDATION_ERROR", summarise(details, locale), details));
    }
    if (error instanceof AppError) {
      const details = Array.isArray(error.details)
        ? (error.details as FieldProblem[]).map((p) => renderProblem(p, locale))
        : error.details;
      const message =
        (error.code === "VALIDATION_ERROR" || error.code === "INVALID_FIELDS") && Array.isArray(details)
          ? summarise(details as FieldProblem[], locale)
          : translate(error.code, locale, error.params);
      if (typeof error.params.seconds === "number" && error.status === 429) reply.header("Retry-After", String(error.params.seconds));
      return reply.status(error.status).send(body(error.code, message, details));
    }
    const status = "statusCode" in error && typeof error.statusCode === "number" ? error.statusCode : 500;
    if (status >= 500) {
      request.log.error({ err: error }, "request failed");
      return reply.status(500).send(body("INTERNAL", translate("INTERNAL", locale)));
    }
    const code = frameworkErrorCode("code" in error && typeof error.code === "string" ? error.code : "");
    return reply.status(status).send(body(code, translate(code, locale)));
  });

  app.setNotFoundHandler((request, reply) => {
    const locale = requestLocale(request);
    reply.status(404).send(body("NOT_FOUND", translate("NOT_FOUND", locale, { entity: "resource" })));
  });
}

function findValidationError(error: unknown): RequestValidationError | null {
  if (error instanceof RequestValidationError) return error;
  const validation = (error as { validation?: unknown[] }).validation;
  const first = Array.isArray(validation) ? validation[0] : undefined;
  return first instanceof RequestValidationError ? first : null;
}

function validationDetails(error: RequestValidationError, locale: Locale): FieldProblem[] {
  return error.issues.map((issue) => {
    const field = [error.part === "body" ? null : error.part, ...issue.path.map(String)]
      .filter(Boolean)
      .join(".");
    const message = isMessageCode(issue.message)
      ? translate(issue.message, locale)
      : (zodLocales[locale](issue as never) as string | { message: string } | undefined);
    const text = typeof message === "string" ? message : (message?.message ?? issue.message);
    return {
      field: field || error.part,
      code: isMessageCode(issue.message) ? issue.message : issue.code,
      message: text,
    };
  });
}

/** "Invalid data — amount: …" so the message alone names the field. */
function summarise(problems: FieldProblem[], locale: Locale): string {
  const [first] = problems;
  const head = translate("VALIDATION_ERROR", locale);
  if (!first) return head;
  const more =
    problems.length > 1
      ? locale === "fr"
        ? ` (+${problems.length - 1} autre(s))`
        : ` (+${problems.length - 1} more)`
      : "";
  const colon = locale === "fr" ? " : " : ": ";
  return `${head} ${first.field}${colon}${first.message}${more}`;
}

function renderProblem(problem: FieldProblem, locale: Locale): FieldProblem {
  const message = isMessageCode(problem.message)
    ? translate(problem.message, locale, problem.params)
    : problem.message;
  return { field: problem.field, code: problem.code, message };
}

function body(code: string, message: string, details?: unknown) {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** Fastify's own request errors under stable codes of ours, so they are translated like the rest. */
function frameworkErrorCode(code: string): MessageCode {
  if (code === "FST_ERR_CTP_INVALID_JSON_BODY" || code === "FST_ERR_CTP_EMPTY_JSON_BODY")
    return "INVALID_JSON";
  if (code === "FST_ERR_CTP_BODY_TOO_LARGE") return "BODY_TOO_LARGE";
  if (code === "FST_ERR_CTP_INVALID_MEDIA_TYPE" || code === "FST_ERR_CTP_INVALID_CONTENT_LENGTH")
    return "UNSUPPORTED_MEDIA_TYPE";
  return "BAD_REQUEST";
}

/**
 * Typed errors. Every error the product raises on purpose has a stable `code`, and an input
 * refused for a reason the person can fix carries that reason as a code too (`InputProblem`);
 * user-facing text is produced from the codes in one place (bot/user-messages.ts), so domain
 * code never decides how a problem is worded to a practitioner.
 */

/** Every error code, as a list so the wording catalogue can be checked against it. */
export const ERROR_CODES = [
  'KB_YAML',
  'KB_INVALID',
  'CONFIG_INVALID',
  'BAD_REQUEST',
  'UNKNOWN_COMMAND',
  'STALE_SUBMIT',
  'NOT_FOUND',
  'FORBIDDEN',
  'STORAGE',
  'INVALID_INPUT',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Why an INVALID_INPUT was refused (`details.reason`), where the person can put it right. */
export const INPUT_PROBLEMS = [
  'identifying',
  'note-too-long',
  'trigger-date-missing',
  'trigger-date-invalid',
  'trigger-date-future',
  'trigger-date-too-old',
  'bad-choice',
] as const;

export type InputProblem = (typeof INPUT_PROBLEMS)[number];

/** What an identifying note seemed to contain (`details.kind` of an "identifying" problem). */
export const IDENTIFYING_KINDS = ['date', 'postcode', 'nhs-number', 'email', 'phone'] as const;

export type IdentifyingKind = (typeof IDENTIFYING_KINDS)[number];

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }
}

export class KnowledgeError extends AppError {}
export class ConfigError extends AppError {}

/** An INVALID_INPUT whose reason is a typed code; `message` is for logs and developers only. */
export function invalidInput(reason: InputProblem, message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError('INVALID_INPUT', message, { ...details, reason });
}

/** The reason code of an INVALID_INPUT error, when it has a known one. */
export function inputProblemOf(err: unknown): InputProblem | null {
  if (!(err instanceof AppError) || err.code !== 'INVALID_INPUT') return null;
  const reason = err.details?.reason;
  return typeof reason === 'string' && (INPUT_PROBLEMS as readonly string[]).includes(reason) ? (reason as InputProblem) : null;
}

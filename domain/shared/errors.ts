/**
 * Typed errors. Every error the product raises on purpose has a stable `code`;
 * user-facing text is produced from the code in one place (bot/user-messages.ts),
 * so domain code never decides how a problem is worded to a practitioner.
 */
export type ErrorCode =
  'KB_YAML' | 'KB_INVALID' | 'CONFIG_INVALID' | 'BAD_REQUEST' | 'UNKNOWN_COMMAND' | 'STALE_SUBMIT' | 'NOT_FOUND' | 'FORBIDDEN' | 'STORAGE' | 'INVALID_INPUT';

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

/**
 * One error type with stable codes. The HTTP status is decided here, in one place; every code is
 * listed in docs/errors.md (a test checks that the two agree).
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: 400,
  FILTER_INVALID: 400,
  SORT_INVALID: 400,
  CURSOR_INVALID: 400,
  CONTACT_EMAIL_INVALID: 400,
  CONTACT_PHONE_INVALID: 400,
  FIELD_VALUE_INVALID: 400,
  FIELD_UNKNOWN: 400,
  FIELD_REQUIRED: 400,
  FIELD_TOO_LONG: 400,
  DATE_INVALID: 400,
  REFERENCE_INVALID: 400,
  AMOUNT_OUT_OF_RANGE: 400,
  CSRF_TOKEN_MISSING: 403,
  AUTH_REQUIRED: 401,
  AUTH_INVALID_CREDENTIALS: 401,
  AUTH_USER_INACTIVE: 401,
  API_KEY_INVALID: 401,
  PERMISSION_DENIED: 403,
  FIELD_READ_ONLY: 403,
  CURRENT_PASSWORD_WRONG: 403,
  NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  UNIQUE_VIOLATION: 409,
  FIELD_VALUE_NOT_UNIQUE: 409,
  RECORD_IN_USE: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  BUSINESS_RULE_VIOLATED: 422,
  EXPORT_TOO_LARGE: 422,
  EXPORT_REQUIRES_JOB: 422,
  EXPORT_NOT_READY: 409,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return ERROR_CODES[this.code];
  }
}

export function notFound(what: string): AppError {
  return new AppError('NOT_FOUND', `${what} not found`);
}

/** The one error type for expected failures: an HTTP status, a German message, optional field errors. */
export class AppError extends Error {
  constructor(
    public status: number,
    message: string,
    public fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
  }
}

export const fieldError = (field: string, message: string, status = 400) =>
  new AppError(status, message, { [field]: [message] });

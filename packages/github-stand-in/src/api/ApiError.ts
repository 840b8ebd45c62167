/** GitHub's documentation root, as its error bodies link it. */
export const DOCS = 'https://docs.github.com/rest';

export type ValidationErrorItem = {
  resource?: string;
  field?: string;
  code: string;
  message?: string;
};

/** An error answered with GitHub's shape: `{ message, documentation_url, status, errors? }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly documentationUrl: string = DOCS,
    readonly errors?: ValidationErrorItem[],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody() {
    return {
      message: this.message,
      ...(this.errors ? { errors: this.errors } : {}),
      documentation_url: this.documentationUrl,
      status: String(this.status),
    };
  }
}

export const notFound = (documentationUrl = DOCS) =>
  new ApiError(404, 'Not Found', documentationUrl);

/** GitHub's 422 for a body its schema rejects: "Invalid request." and what was wrong. */
export const invalidRequest = (detail: string, documentationUrl = DOCS) =>
  new ApiError(422, `Invalid request.\n\n${detail}`, documentationUrl);

/** GitHub's 422 for a body that is well-formed but refers to what cannot be done. */
export const validationFailed = (
  errors: ValidationErrorItem[],
  documentationUrl = DOCS,
) => new ApiError(422, 'Validation Failed', documentationUrl, errors);

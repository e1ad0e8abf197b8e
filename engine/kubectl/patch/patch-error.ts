/**
 * Why a patch could not be applied, with the HTTP status reason the API server would answer
 * (`BadRequest`, `Invalid`, or none for its generic 500), so commands can print kubectl's text.
 */
export class PatchError extends Error {
  constructor(
    message: string,
    /** The status reason: "" prints as `Error from server: …`. */
    readonly reason: "" | "BadRequest" | "Invalid" = "",
  ) {
    super(message);
  }
}

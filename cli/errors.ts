/** A mistake the user can fix (a missing file, a bad option): reported in one line, exit code 2. */
export class CliError extends Error {}

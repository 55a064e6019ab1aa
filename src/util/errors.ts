/** Wrong options or arguments: the CLI prints the message and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** An input or output could not be read or written at all: exit 2. */
export class IoError extends Error {
  override name = 'IoError';
}

/**
 * The expert panel's sheet gives no score at all (empty, no header, no item columns, no row naming an
 * applicant): a usage error, so no total ever claims expert points that were not read. The message
 * says what the sheet should hold.
 */
export class ExpertSheetError extends UsageError {
  override name = 'ExpertSheetError';
}

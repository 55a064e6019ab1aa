/** Wrong options or arguments: the CLI prints the message and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** An input or output could not be read or written at all: exit 2. */
export class IoError extends Error {
  override name = 'IoError';
}

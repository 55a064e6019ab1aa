/** The workbook asks for a password to open: FILEPASS in BIFF, EncryptionInfo for an encrypted .xlsx. */
export class EncryptedWorkbookError extends Error {
  override name = 'EncryptedWorkbookError';
}

/** A container or record stream that is no workbook the .xls reader understands. */
export class XlsFormatError extends Error {
  override name = 'XlsFormatError';
}

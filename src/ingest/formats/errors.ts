/** The workbook asks for a password to open: FILEPASS in BIFF, EncryptionInfo for an encrypted .xlsx. */
export class EncryptedWorkbookError extends Error {
  override name = 'EncryptedWorkbookError';
}

/** A container or record stream that is no workbook the .xls reader understands. */
export class XlsFormatError extends Error {
  override name = 'XlsFormatError';
}

/** An OLE2 file that is no workbook at all: a Word 97–2003 or WPS Writer document (.doc, .wps). */
export class NotWorkbookError extends Error {
  override name = 'NotWorkbookError';
  constructor(readonly detected: string) {
    super(`an OLE2 file holding ${detected}, no workbook`);
  }
}

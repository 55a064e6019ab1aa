import type PDFDocument from 'pdfkit';

/** A pdfkit document, as every drawing and layout function takes it. */
export type Doc = InstanceType<typeof PDFDocument>;

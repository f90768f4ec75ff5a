import { safeFileName, sniffEvidenceType } from './evidence.rules.js';

describe('evidence files: the type comes from the content', () => {
  it('recognises PDF, JPEG and PNG by their first bytes', () => {
    expect(sniffEvidenceType(Buffer.from('%PDF-1.7\n...'))).toBe('application/pdf');
    expect(sniffEvidenceType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe('image/jpeg');
    expect(sniffEvidenceType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(
      'image/png',
    );
  });

  it('refuses anything else, whatever its name says', () => {
    expect(sniffEvidenceType(Buffer.from('MZ\x90\x00 an executable named avis.pdf'))).toBeNull();
    expect(sniffEvidenceType(Buffer.from(''))).toBeNull();
  });

  it('keeps a safe name', () => {
    expect(safeFileName('../../etc/avis impôts 2025.pdf', 'application/pdf')).toBe('avis impôts 2025.pdf');
    expect(safeFileName('', 'image/png')).toBe('piece.png');
  });
});

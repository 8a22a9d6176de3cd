// The text of a document people wrote, from the bytes of a .docx or a text file,
// for the figures' check. Anything else is refused with a sentence that says why.
import mammoth from "mammoth";

export class UnreadableDocument extends Error {}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
// Word 97–2003 files are OLE compound files.
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** The document's text, one paragraph a line. */
export async function documentText(bytes: Uint8Array, name: string): Promise<string> {
  if (startsWith(bytes, OLE)) {
    throw new UnreadableDocument(`${name}: old Word format (.doc); save it as .docx or as text, then check it again`);
  }
  if (startsWith(bytes, ZIP)) return wordText(bytes, name);
  if (/\.docx$/i.test(name)) throw new UnreadableDocument(`${name} is not a Word document (.docx): it is not a zip archive`);
  return plainText(bytes, name);
}

async function wordText(bytes: Uint8Array, name: string): Promise<string> {
  try {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    // mammoth ends each paragraph with a blank line: one line per paragraph keeps line numbers meaningful.
    return value.replace(/\n\n/g, "\n");
  } catch {
    throw new UnreadableDocument(`${name} is not a readable Word document (.docx)`);
  }
}

function plainText(bytes: Uint8Array, name: string): string {
  if (bytes.includes(0)) throw new UnreadableDocument(`${name} is neither a text file nor a Word document (.docx)`);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    // Text saved by Word or Excel on Windows is often in the Windows Latin code page, not UTF-8.
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

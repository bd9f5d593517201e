import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { restrictExistingFiles, restrictNewFiles } from "./file-modes.server";

const mode = (file: string) => statSync(file).mode & 0o777;

describe("file modes", () => {
  it("new files are readable by the service account only, and old ones are tightened", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "lotse-modes-"));
    const old = path.join(dir, "lotse.db");
    writeFileSync(old, "x", { mode: 0o644 });
    const previous = restrictNewFiles();
    try {
      const fresh = path.join(dir, "neu.db");
      writeFileSync(fresh, "x");
      expect(mode(fresh)).toBe(0o600);
      restrictExistingFiles(`file:${old}`);
      expect(mode(old)).toBe(0o600);
    } finally {
      process.umask(previous);
    }
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateAll } from "../../../compiler/protocol/generate.js";

describe("generated protocol files", () => {
  it("the committed files equal a fresh generation (run `npm run gen:protocols`)", { timeout: 120_000 }, () => {
    const { files, errors } = generateAll({ privacy: false });
    expect(errors).toEqual([]);
    expect(files.size).toBeGreaterThan(2);
    for (const [rel, text] of files) expect(readFileSync(rel, "utf8"), rel).toBe(text);
  });
});

// GB/T 4754-2017 国民经济行业分类: lookups over the bundled table in ../data/gbt4754-2017.json.
// The table is read once, on first use; everything after that is pure.
import fs from 'node:fs';

export type IndustryLevel = 'section' | 'division' | 'group' | 'class';

export interface Industry {
  /** Section `A`–`T`, division 2 digits, group 3 digits, class 4 digits. */
  code: string;
  level: IndustryLevel;
  name: string;
  /** The enclosing code; null for sections. */
  parent: string | null;
  note?: string;
}

interface IndustryFile {
  standard: string;
  provenance: string;
  counts: Record<IndustryLevel, number>;
  entries: Industry[];
}

interface IndustryTable {
  source: { standard: string; provenance: string };
  byCode: Map<string, Industry>;
  classCodes: readonly string[];
}

const DATA_URL = new URL('../data/gbt4754-2017.json', import.meta.url);
let table: IndustryTable | undefined;

function load(): IndustryTable {
  if (table) return table;
  const file = JSON.parse(fs.readFileSync(DATA_URL, 'utf8')) as IndustryFile;
  const byCode = new Map<string, Industry>();
  for (const e of file.entries) byCode.set(e.code, Object.freeze({ ...e }));
  const classCodes = Object.freeze(file.entries.filter((e) => e.level === 'class').map((e) => e.code));
  if (classCodes.length !== file.counts.class || byCode.size !== file.entries.length) {
    throw new Error(`gbt4754-2017.json is inconsistent: ${classCodes.length} classes, counts say ${file.counts.class}`);
  }
  table = { source: { standard: file.standard, provenance: file.provenance }, byCode, classCodes };
  return table;
}

function clean(code: string | null | undefined): string {
  return (code ?? '').trim().toUpperCase();
}

/** Where the table comes from (shown on the data-sources page). */
export function industryDataSource(): { standard: string; provenance: string } {
  return load().source;
}

/** The entry for a section, division, group or class code; undefined when unknown. */
export function getIndustry(code: string | null | undefined): Industry | undefined {
  return load().byCode.get(clean(code));
}

/** True for an existing 4-digit class code: the only level an enterprise is registered with. */
export function isValidIndustryClass(code: string | null | undefined): boolean {
  return getIndustry(code)?.level === 'class';
}

/** True for an existing code of any level (section, division, group or class): for search filters. */
export function isIndustryCode(code: string | null | undefined): boolean {
  return getIndustry(code) !== undefined;
}

/** Section → division → group → class entries ending at `code` (empty when unknown). */
export function industryPath(code: string | null | undefined): Industry[] {
  const path: Industry[] = [];
  for (let e = getIndustry(code); e; e = e.parent ? load().byCode.get(e.parent) : undefined) path.unshift(e);
  return path;
}

/** All 4-digit class codes, in the order of the standard. */
export function industryClassCodes(): readonly string[] {
  return load().classCodes;
}

/**
 * The class codes under a section, division or group (a class gives itself); empty when unknown.
 * Lets a search for `C` or `13` match enterprises registered with a class code.
 */
export function industryClassesUnder(code: string | null | undefined): string[] {
  const target = getIndustry(code);
  if (!target) return [];
  if (target.level === 'class') return [target.code];
  const { byCode, classCodes } = load();
  if (target.level !== 'section') return classCodes.filter((c) => c.startsWith(target.code));
  return classCodes.filter((c) => byCode.get(c.slice(0, 2))?.parent === target.code);
}

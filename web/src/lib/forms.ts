import type { FormInstance } from 'antd';
import { ApiError } from './api';

/**
 * Puts server field errors (ApiError.fields, already in the request's language) under the matching antd Form fields.
 * Paths like 'investors.0.name' become ['investors', 0, 'name']. Pass `fieldNames` (the form's top-level names) to
 * get back the messages no field took (show them in an Alert); without it every path is set on the form.
 * `aliases` renames server paths to form names, e.g. { registeredCapitalFen: 'capitalWan' }.
 */
export function applyFieldErrors(form: FormInstance, err: unknown, fieldNames?: string[], aliases: Record<string, string> = {}): string[] {
  if (!(err instanceof ApiError)) return [err instanceof Error ? err.message : String(err)];
  if (err.fields.length === 0) return [err.message];
  const known = { has: (top: string) => !fieldNames || fieldNames.includes(top) };
  const byPath = new Map<string, string[]>();
  const rest: string[] = [];
  for (const raw of err.fields) {
    const head = raw.path.split('.')[0];
    const f = aliases[head] ? { ...raw, path: aliases[head] + raw.path.slice(head.length) } : raw;
    const top = f.path.split('.')[0];
    if (!known.has(top)) {
      rest.push(f.message);
      continue;
    }
    byPath.set(f.path, [...(byPath.get(f.path) ?? []), f.message]);
  }
  form.setFields(
    [...byPath].map(([path, errors]) => ({ name: path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)), errors })),
  );
  return rest.length ? [err.message, ...rest] : [];
}

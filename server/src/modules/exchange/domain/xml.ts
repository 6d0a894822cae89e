// The XML adapter for departments whose system takes XML: a flat record under one root element.

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function element(name: string, value: unknown): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) return `<${name}>${value.map((v) => element('item', v)).join('')}</${name}>`;
  if (typeof value === 'object') return `<${name}>${Object.entries(value as Record<string, unknown>).map(([k, v]) => element(k, v)).join('')}</${name}>`;
  return `<${name}>${escape(String(value))}</${name}>`;
}

/** Serialises an envelope (header fields plus the mapped `data`) as XML. */
export function toXml(root: string, record: Record<string, unknown>): string {
  return `<?xml version="1.0" encoding="UTF-8"?>${element(root, record)}`;
}

/** Reads the flat XML this adapter writes back into an object (used by the simulator). */
export function fromXml(xml: string): Record<string, unknown> {
  const body = xml.replace(/^<\?xml[^>]*\?>/, '').trim();
  const parse = (s: string): unknown => {
    const out: Record<string, unknown> = {};
    const re = /<([A-Za-z_][\w-]*)(\/>|>([\s\S]*?)<\/\1>)/g;
    let m: RegExpExecArray | null;
    let any = false;
    const items: unknown[] = [];
    while ((m = re.exec(s))) {
      any = true;
      const [, name, selfClose, inner] = m;
      const value = selfClose === '/>' ? null : /<[A-Za-z_]/.test(inner ?? '') ? parse(inner!) : unescape(inner ?? '');
      if (name === 'item') items.push(value);
      else out[name] = value;
    }
    if (!any) return unescape(s);
    return items.length && !Object.keys(out).length ? items : out;
  };
  const root = parse(body) as Record<string, unknown>;
  return (Object.values(root)[0] ?? {}) as Record<string, unknown>;
}

function unescape(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

import { createRequire } from 'node:module';

/**
 * exceljs 4.4 writes no `quotePrefix` attribute on cell styles; Excel, WPS and LibreOffice use
 * it to mark text typed with a leading apostrophe ('=1+2), which they show without the
 * apostrophe and keep as text when edited. This adds it: a cell style (`cell.style`) with
 * `quotePrefix: true` is written as its style plus quotePrefix="1". Imported once, by the
 * export writer; other styles are untouched.
 */

interface StylesXformLike {
  model?: { styles?: string[] };
  index?: { style?: Record<string, number> };
  addStyleModel(model: unknown, cellType?: unknown): number;
}

const require = createRequire(import.meta.url);
const StylesXform = require('exceljs/lib/xlsx/xform/style/styles-xform.js') as {
  prototype: StylesXformLike & { __quotePrefix?: boolean };
};

const proto = StylesXform.prototype;
if (!proto.__quotePrefix) {
  const original = proto.addStyleModel;
  proto.addStyleModel = function (this: StylesXformLike, model: unknown, cellType?: unknown): number {
    const id = original.call(this, model, cellType);
    const styles = this.model?.styles;
    const index = this.index?.style;
    if (!(model as { quotePrefix?: boolean } | null)?.quotePrefix || !styles || !index) return id;
    const quoted = (styles[id] ?? '<xf/>').replace(/^<xf\b/, '<xf quotePrefix="1"');
    let at = index[quoted];
    if (at === undefined) {
      at = styles.length;
      index[quoted] = at;
      styles.push(quoted);
    }
    return at;
  };
  proto.__quotePrefix = true;
}

/** The style property this module adds. */
export const QUOTE_PREFIX = 'quotePrefix';

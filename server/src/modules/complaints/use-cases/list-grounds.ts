import { localize, type Locale, type LocalizedText } from '../../../platform/i18n/i18n.js';
import { REFUSAL_GROUNDS, TERMINATION_GROUNDS } from '../domain/rules.js';

/** The statutory refusal (art. 15) and termination (art. 21) grounds with their articles, in `locale`. */
export function listGrounds(locale: Locale) {
  const g = (x: { id: string; article: string; label: LocalizedText }) => ({ id: x.id, article: x.article, label: localize(x.label, locale) });
  return { refusal: REFUSAL_GROUNDS.map(g), termination: TERMINATION_GROUNDS.map(g) };
}

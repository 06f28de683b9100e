import type { Category, CriterionValue, MeasureId, RiskId } from './criteria';

/** One built-in app of the catalogue. */
export type CatalogueApp = {
  /** Stable kebab-case id that admins write in `rules[].app`. */
  readonly id: string;
  readonly name: string;
  readonly category: Category;
  /** Who runs the service (evidence for the `jurisdiction` risk). */
  readonly provider: string;
  /** Patterns in the policy contract's format: `host` or `host/path-prefix`. */
  readonly match: readonly string[];
  /** Per risk id: does the risk apply to this app? */
  readonly risks: Readonly<Record<RiskId, CriterionValue>>;
  /** Per measure id: does the app offer the measure? */
  readonly measures: Readonly<Record<MeasureId, CriterionValue>>;
  /** Source ids (see `SOURCES`) behind the values. */
  readonly sources: readonly string[];
};

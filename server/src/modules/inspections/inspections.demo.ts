import type { DemoContext, Platform } from '../../platform/module.js';
import type { InspectionsDeps } from './deps.js';

/** Demo data (filled in below). */
export async function seedInspectionsDemo(_p: Platform, _d: InspectionsDeps, _ctx: DemoContext): Promise<void> {}

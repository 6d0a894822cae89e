/** A thin map from the names routes, the demo and tests call to the use cases. No rule lives here. */
import type { ServiceDeps } from './deps.js';
import type { Actor } from '../../platform/auth/roles.js';
import { createItem } from './use-cases/create-item.js';
import { listItems } from './use-cases/list-items.js';
import { recordCase } from './use-cases/record-case.js';
import { getLoop } from './use-cases/get-loop.js';
import { createTeam } from './use-cases/create-team.js';
import { listTeams } from './use-cases/list-teams.js';
import { enrollExperiencer } from './use-cases/enroll-experiencer.js';
import { listExperiencers } from './use-cases/list-experiencers.js';
import { recordExperienceSession } from './use-cases/record-experience-session.js';
import { upsertCategory } from './use-cases/upsert-category.js';
import { listCategories } from './use-cases/list-categories.js';
import { fileFinding } from './use-cases/file-finding.js';
import { fileSuggestion } from './use-cases/file-suggestion.js';
import { listFindings } from './use-cases/list-findings.js';
import { myExperience } from './use-cases/my-experience.js';
import { assignMeasure } from './use-cases/assign-measure.js';
import { closeMeasure } from './use-cases/close-measure.js';
import { evaluateMeasure } from './use-cases/evaluate-measure.js';
import { listMeasures } from './use-cases/list-measures.js';
import { rateAtCounter } from './use-cases/rate-at-counter.js';
import { rateOnline } from './use-cases/rate-online.js';
import { rectifyRating } from './use-cases/rectify-rating.js';
import { reRate } from './use-cases/re-rate.js';
import { appealRating } from './use-cases/appeal-rating.js';
import { decideAppeal } from './use-cases/decide-appeal.js';
import { listRatings } from './use-cases/list-ratings.js';
import { getSettings } from './use-cases/get-settings.js';
import { updateSettings } from './use-cases/update-settings.js';
import { holdClinicSession } from './use-cases/hold-clinic-session.js';
import { listClinicSessions } from './use-cases/list-clinic-sessions.js';
import { bookClinicSlot } from './use-cases/book-clinic-slot.js';
import { listBookings } from './use-cases/list-bookings.js';
import { getBooking } from './use-cases/get-booking.js';
import { prescribe } from './use-cases/prescribe.js';
import { reportOutcome } from './use-cases/report-outcome.js';
import { rateOutcome } from './use-cases/rate-outcome.js';
import { groupProblems } from './use-cases/group-problems.js';
import { listProblemClasses } from './use-cases/list-problem-classes.js';
import { serviceFigures } from './use-cases/figures.js';

type Rest<F> = F extends (deps: ServiceDeps, actor: Actor, ...rest: infer R) => infer O ? (actor: Actor, ...rest: R) => O : never;
const bind = <F extends (deps: ServiceDeps, actor: Actor, ...rest: never[]) => unknown>(deps: ServiceDeps, f: F) => ((actor: Actor, ...rest: never[]) => f(deps, actor, ...rest)) as Rest<F>;

export function createServiceService(deps: ServiceDeps) {
  return {
    createItem: bind(deps, createItem),
    listItems: bind(deps, listItems),
    recordCase: bind(deps, recordCase),
    getLoop: bind(deps, getLoop),
    createTeam: bind(deps, createTeam),
    listTeams: bind(deps, listTeams),
    enrollExperiencer: bind(deps, enrollExperiencer),
    listExperiencers: bind(deps, listExperiencers),
    recordExperienceSession: bind(deps, recordExperienceSession),
    upsertCategory: bind(deps, upsertCategory),
    listCategories: bind(deps, listCategories),
    fileFinding: bind(deps, fileFinding),
    fileSuggestion: bind(deps, fileSuggestion),
    listFindings: bind(deps, listFindings),
    myExperience: bind(deps, myExperience),
    assignMeasure: bind(deps, assignMeasure),
    closeMeasure: bind(deps, closeMeasure),
    evaluateMeasure: bind(deps, evaluateMeasure),
    listMeasures: bind(deps, listMeasures),
    rateAtCounter: bind(deps, rateAtCounter),
    rateOnline: bind(deps, rateOnline),
    rectifyRating: bind(deps, rectifyRating),
    reRate: bind(deps, reRate),
    appealRating: bind(deps, appealRating),
    decideAppeal: bind(deps, decideAppeal),
    listRatings: bind(deps, listRatings),
    getSettings: bind(deps, getSettings),
    updateSettings: bind(deps, updateSettings),
    holdClinicSession: bind(deps, holdClinicSession),
    listClinicSessions: bind(deps, listClinicSessions),
    bookClinicSlot: bind(deps, bookClinicSlot),
    listBookings: bind(deps, listBookings),
    getBooking: bind(deps, getBooking),
    prescribe: bind(deps, prescribe),
    reportOutcome: bind(deps, reportOutcome),
    rateOutcome: bind(deps, rateOutcome),
    groupProblems: bind(deps, groupProblems),
    listProblemClasses: bind(deps, listProblemClasses),
    figures: bind(deps, serviceFigures),
  };
}
export type ServiceService = ReturnType<typeof createServiceService>;

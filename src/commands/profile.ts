// `pm-diag profile`, `profile interview` and `profile team`: the commands hand their options to the
// profile's own module (src/app/profile/run.ts), which does the work.

export {
  run,
  runInterview,
  runTeam,
  type InterviewOptions,
  type ProfileOptions,
  type TeamOptions,
} from '../app/profile/run.js';

export { checks, type Check } from './checks';
export { markdown, type CheckResult } from './report';
export { replayTimeline } from './checks/replayTimeline';

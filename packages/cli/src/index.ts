export { cliVersion, runCli, usage } from './cli';
export { scenarioCommand, type Io } from './commands/scenario';
export { runScenario, type ScenarioReport } from './scenario/runScenario';
export { loadScenario, ScenarioFileError } from './scenario/loadScenario';
export { scenarioSchema, stepSchema, type Scenario, type Step } from './scenario/schema';
export {
  registerBackend,
  createBackend,
  memoryBackend,
  storageKinds,
  type ScenarioApi,
  type ScenarioBackend,
  type StorageKind,
} from './scenario/backend';
export { match, type Failure } from './scenario/match';

/** The connection doctor's public API: run it, render it, serve it over IPC (`wharf doctor` lives in main/cli). */
export { runDoctor } from './doctor';
export type { DoctorOptions } from './doctor';
export { describeProblem, diagnosis } from './diagnoses';
export type { ProblemContext } from './diagnoses';
export { DoctorService } from './service';
export type { DoctorServiceDeps } from './service';

/** The connection doctor's public API: run it, render it, serve it over IPC, and the `wharf doctor` command. */
export { runDoctor } from './doctor';
export type { DoctorOptions } from './doctor';
export { describeProblem, diagnosis } from './diagnoses';
export type { ProblemContext } from './diagnoses';
export { DoctorService } from './service';
export type { DoctorServiceDeps } from './service';
export { DOCTOR_USAGE, doctorExitCode, formatDoctorReport, processCliIo, runDoctorCommand } from './cli';
export type { CliIo } from './cli';

import type { FaultCounts } from './faults.js';
import type { Ledger } from './ledger.js';
import type { SoakOptions } from './options.js';
import type { SoakReport } from './report.js';
import { percentile } from './tally.js';
import type { Verification } from './verify.js';

/** What a run gathered, before it is judged. */
export interface RunRecord {
  options: SoakOptions;
  wallMs: number;
  /** How long contacts and agents typed: the span throughput is counted over. */
  typingMs: number;
  serverProcesses: number;
  settleMs: number;
  settled: boolean;
  verification: Verification;
  ledger: Ledger;
  faults: FaultCounts;
  reconnects: number;
  refusedRecoveries: number;
  snapshotCatchUps: number;
  reload: { draftsChecked: number; draftsLost: number; messagesCarried: number; lostDrafts: string[] };
  crowd: {
    chatsStarted: number;
    left: number;
    unanswered: number;
    refused: number;
    endedByAgent: number;
    refusals: string[];
    unansweredReasons: Record<string, number>;
  };
  memory: { rssKb?: number; peakRssKb?: number };
  warnings: { count: number; samples: string[] };
  serverLog: readonly string[];
}

/**
 * Server log lines that say something went wrong inside the server. A socket that a cut
 * reset is the run's doing, not the server's: those lines do not count.
 */
function serverErrors(log: readonly string[]): string[] {
  return log.filter((line) => /failed|unexpected|could not|uncaught|TypeError|RangeError/i.test(line) && !/ECONNRESET|EPIPE|socket hang up/.test(line));
}

function latency(values: readonly number[]) {
  return { count: values.length, p50: percentile(values, 50), p99: percentile(values, 99), max: percentile(values, 100) };
}

/** Messages the servers took (agents' confirmed sends and contacts' acknowledged ones) per second of typing. */
function throughput(run: RunRecord) {
  const agentMessages = run.verification.sides.agentToServer.delivered;
  const contactMessages = run.verification.sides.contactToServer.delivered;
  const seconds = Math.max(1, run.typingMs) / 1000;
  return { agentMessages, contactMessages, typingMs: run.typingMs, messagesPerSecond: (agentMessages + contactMessages) / seconds };
}

/** Judges a run: the figures, and every reason it failed. */
export function buildReport(run: RunRecord): SoakReport {
  const { verification: check, faults } = run;
  const sides = check.sides;
  const all = Object.values(sides);
  const totals = {
    lost: all.reduce((sum, side) => sum + side.lost, 0),
    duplicated: all.reduce((sum, side) => sum + side.duplicated, 0),
    outOfOrder: all.reduce((sum, side) => sum + side.outOfOrder, 0),
  };
  const errors = serverErrors(run.serverLog);
  const failures: string[] = [];
  if (totals.lost) failures.push(`${totals.lost} messages lost`);
  if (totals.duplicated) failures.push(`${totals.duplicated} messages duplicated`);
  if (totals.outOfOrder) failures.push(`${totals.outOfOrder} messages out of order`);
  if (check.transcriptMismatches) failures.push(`${check.transcriptMismatches} workspace transcripts differ from the server's`);
  if (check.unsettled) failures.push(`${check.unsettled} agent messages still "Sending…" after the settle`);
  if (check.recordedThoughRefused) failures.push(`${check.recordedThoughRefused} agent messages reported as not sent were recorded by the server`);
  if (check.unexpected) failures.push(`${check.unexpected} messages on the server that nobody sent`);
  if (check.unreadable) failures.push(`${check.unreadable} chats the server could not return`);
  if (run.reload.draftsLost) failures.push(`${run.reload.draftsLost} drafts did not come back after a reload`);
  if (!run.settled) failures.push(`the sides had not caught up after ${run.settleMs} ms`);
  if (faults.kills !== 1 || faults.restarts !== 1) failures.push(`the server was killed ${faults.kills} and restarted ${faults.restarts} times, not once`);
  if (sides.agentToServer.sent === 0 || sides.contactToServer.sent === 0) failures.push('no messages moved');
  const warnings: string[] = [];
  if (check.lateConfirmed) {
    warnings.push(
      `${check.lateConfirmed} agent messages were reported "not sent" by the session's send timeout, then recorded by the server (a false failure: see details)`,
    );
  }
  const problems = [
    ...check.problems,
    ...run.reload.lostDrafts.map((line) => `draft lost: ${line}`),
    ...run.warnings.samples.map((line) => `session warning: ${line}`),
    ...run.crowd.refusals.map((line) => `contact refused: ${line}`),
    ...errors.slice(0, 5).map((line) => `server log: ${line.slice(0, 300)}`),
  ];
  return {
    options: {
      agents: run.options.agents,
      seconds: run.options.seconds,
      seed: run.options.seed,
      maxConcurrentChats: run.options.maxConcurrentChats,
      streamLimit: run.options.streamLimit,
      store: run.options.store,
      processes: run.serverProcesses,
    },
    throughput: throughput(run),
    ok: failures.length === 0,
    failures,
    warnings,
    wallMs: run.wallMs,
    settleMs: run.settleMs,
    settled: run.settled,
    sides,
    totals,
    latency: { agentToServer: latency(run.ledger.agentLatencies), contactToAgent: latency(run.ledger.contactLatencies) },
    serverMemory: run.memory,
    faults: {
      silentCuts: faults.silentCuts,
      resetCuts: faults.resetCuts,
      kills: faults.kills,
      restarts: faults.restarts,
      serverDownMs: faults.downMs,
      reloads: faults.reloads,
      reconnects: run.reconnects,
      contactRequestsUnanswered: run.crowd.unanswered,
      unansweredReasons: run.crowd.unansweredReasons,
      refusedRecoveries: run.refusedRecoveries,
      snapshotCatchUps: run.snapshotCatchUps,
      databaseConnectionsCut: faults.databaseConnectionsCut,
    },
    reloads: {
      messagesCarried: check.carried.messages,
      carriedDelivered: check.carried.delivered,
      draftsChecked: run.reload.draftsChecked,
      draftsLost: run.reload.draftsLost,
    },
    chats: {
      started: run.crowd.chatsStarted,
      checked: check.chatsChecked,
      heldAtEnd: check.chatsHeld,
      leftByContact: run.crowd.left,
      endedByAgent: run.crowd.endedByAgent,
    },
    notes: {
      refusedAgentMessages: check.refusedAgentMessages,
      refusalReasons: check.refusalReasons,
      unacknowledgedRecorded: check.unacknowledgedRecorded,
      recordedThoughRefused: check.recordedThoughRefused,
      lateConfirmed: check.lateConfirmed,
      unexpected: check.unexpected,
      transcriptMismatches: check.transcriptMismatches,
      unsettled: check.unsettled,
      waitingUnassigned: check.waitingUnassigned,
      sessionWarnings: run.warnings.count,
      contactRefusals: run.crowd.refused,
      serverLogErrors: errors.length,
    },
    problems,
    observations: check.observations,
  };
}

// Types and formatting only, no Node: the browser test imports the report's type from here.
import type { SideFigures } from './tally.js';

export interface Latency {
  count: number;
  p50?: number;
  p99?: number;
  max?: number;
}

/** Everything one soak run measured; `ok` is false when anything was lost, doubled or reordered. */
export interface SoakReport {
  options: { agents: number; seconds: number; seed: number; maxConcurrentChats: number; streamLimit: number; store: 'sqlite' | 'postgres'; processes: number };
  /** Messages the servers took per second of typing, both sides together. */
  throughput: { agentMessages: number; contactMessages: number; typingMs: number; messagesPerSecond: number };
  ok: boolean;
  /** Why `ok` is false, one line each. */
  failures: string[];
  /** What is wrong without losing, doubling or reordering anything (a false "not sent", say). */
  warnings: string[];
  wallMs: number;
  settleMs: number;
  /** Whether everything caught up before the settle timeout. */
  settled: boolean;
  sides: {
    agentToServer: SideFigures;
    contactToServer: SideFigures;
    contactToAgent: SideFigures;
    workspaceAgent: SideFigures;
    workspaceContact: SideFigures;
  };
  totals: { lost: number; duplicated: number; outOfOrder: number };
  latency: { agentToServer: Latency; contactToAgent: Latency };
  serverMemory: { rssKb?: number; peakRssKb?: number };
  faults: {
    silentCuts: number;
    resetCuts: number;
    kills: number;
    restarts: number;
    serverDownMs: number;
    reloads: number;
    /** Connections that went from connected to reconnecting, all pages together. */
    reconnects: number;
    /** Contact requests that got no answer (the server was down or dying). */
    contactRequestsUnanswered: number;
    /** Why, with how often. */
    unansweredReasons: Record<string, number>;
    /** Times an agent found itself Refused (an offer expired behind a cut) and chose Available again. */
    refusedRecoveries: number;
    /** Reconnects caught up by a snapshot rather than a replay (the gap was pruned). */
    snapshotCatchUps: number;
    /** Database connections of a live process ended under it (pg_terminate_backend). */
    databaseConnectionsCut: number;
  };
  /** What the reloads carried over. */
  reloads: {
    /** Agent messages on their way when their page died... */
    messagesCarried: number;
    /** ...and found on the server in the end (sent again from storage by the next page). */
    carriedDelivered: number;
    draftsChecked: number;
    draftsLost: number;
  };
  chats: {
    started: number;
    checked: number;
    heldAtEnd: number;
    leftByContact: number;
    /** Contacts that learned from a 409 that the agent had ended their chat. */
    endedByAgent: number;
  };
  notes: {
    refusedAgentMessages: number;
    refusalReasons: Record<string, number>;
    unacknowledgedRecorded: number;
    recordedThoughRefused: number;
    lateConfirmed: number;
    unexpected: number;
    transcriptMismatches: number;
    unsettled: number;
    waitingUnassigned: number;
    sessionWarnings: number;
    contactRefusals: number;
    serverLogErrors: number;
  };
  /** The first problems found, and samples of warnings and server errors. */
  problems: string[];
  /** Samples of what is no failure but worth a look. */
  observations: string[];
}

const ms = (value: number | undefined) => (value === undefined ? '–' : `${Math.round(value)} ms`);
const mb = (kb: number | undefined) => (kb === undefined ? '–' : `${(kb / 1024).toFixed(1)} MB`);

/** The table `npm run soak` prints. */
export function formatReport(report: SoakReport): string {
  const { sides, latency } = report;
  const rows: [string, SideFigures, string, string][] = [
    ['agent → server', sides.agentToServer, ms(latency.agentToServer.p50), ms(latency.agentToServer.p99)],
    ['contact → server', sides.contactToServer, '', ''],
    ['contact → agent session', sides.contactToAgent, ms(latency.contactToAgent.p50), ms(latency.contactToAgent.p99)],
    ['workspace, agent msgs', sides.workspaceAgent, '', ''],
    ['workspace, contact msgs', sides.workspaceContact, '', ''],
  ];
  const header = ['direction', 'sent', 'delivered', 'lost', 'duplicated', 'out of order', 'p50', 'p99'];
  const body = rows.map(([name, side, p50, p99]) => [
    name,
    String(side.sent),
    String(side.delivered),
    String(side.lost),
    String(side.duplicated),
    String(side.outOfOrder),
    p50,
    p99,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
  const { options, faults, chats, notes } = report;
  const out = [
    `Soak: ${options.agents} agents × up to ${options.maxConcurrentChats} chats, ${options.seconds} s, seed ${options.seed}${options.streamLimit ? `, STREAM_LIMIT ${options.streamLimit}` : ''}, ${processes(report)} — ${report.ok ? 'PASS' : 'FAIL'}`,
    '',
    line(header),
    line(header.map((_, column) => '-'.repeat(widths[column] ?? 0))),
    ...body.map(line),
    '',
    `totals: lost ${report.totals.lost}, duplicated ${report.totals.duplicated}, out of order ${report.totals.outOfOrder}`,
    `latency samples: agent → server ${latency.agentToServer.count} (max ${ms(latency.agentToServer.max)}), contact → agent ${latency.contactToAgent.count} (max ${ms(latency.contactToAgent.max)})`,
    `throughput: ${report.throughput.messagesPerSecond.toFixed(1)} messages/s (${report.throughput.agentMessages} agent + ${report.throughput.contactMessages} contact in ${(report.throughput.typingMs / 1000).toFixed(1)} s)`,
    `server RSS: ${mb(report.serverMemory.rssKb)} at the end, peak ${mb(report.serverMemory.peakRssKb)}`,
    `faults: ${faults.silentCuts} silent cuts, ${faults.resetCuts} reset cuts, ${faults.kills} SIGKILL, ${faults.restarts} restart (down ${faults.serverDownMs} ms), ${faults.reloads} reloads, ${faults.databaseConnectionsCut} database connections ended; ${faults.reconnects} reconnects (${faults.snapshotCatchUps} caught up by snapshot); ${faults.contactRequestsUnanswered} contact requests unanswered; ${faults.refusedRecoveries} agents back from Refused`,
    `reloads: ${report.reloads.messagesCarried} agent messages on their way when their page died, ${report.reloads.carriedDelivered} of them on the server; ${report.reloads.draftsChecked} drafts checked after a reload, ${report.reloads.draftsLost} lost`,
    `chats: ${chats.started} started, ${chats.checked} checked, ${chats.heldAtEnd} held at the end, ${chats.leftByContact} left by the contact, ${chats.endedByAgent} ended by the agent (seen by the contact)`,
    `notes: ${notes.refusedAgentMessages} agent messages refused (chat ended), ${notes.unacknowledgedRecorded} unanswered contact messages recorded anyway, ${notes.waitingUnassigned} contact messages in chats never assigned, ` +
      `${notes.recordedThoughRefused} recorded though refused, ${notes.lateConfirmed} given up by the session's send timeout yet recorded, ${notes.unexpected} unexpected, ${notes.transcriptMismatches} transcript mismatches, ${notes.unsettled} unsettled, ` +
      `${notes.sessionWarnings} session warnings, ${notes.contactRefusals} other contact refusals, ${notes.serverLogErrors} server log errors`,
    `agent messages failed: ${Object.entries(notes.refusalReasons).map(([reason, count]) => `${count}× "${reason}"`).join(', ') || 'none'}`,
    `wall ${(report.wallMs / 1000).toFixed(1)} s, settled ${report.settled ? 'in' : 'NOT within'} ${(report.settleMs / 1000).toFixed(1)} s`,
  ];
  if (report.warnings.length) out.push('', 'WARNINGS:', ...report.warnings.map((warning) => `  - ${warning}`));
  if (report.failures.length) out.push('', 'FAILURES:', ...report.failures.map((failure) => `  - ${failure}`));
  if (report.problems.length) out.push('', 'details:', ...report.problems.map((problem) => `  - ${problem}`));
  const unanswered = Object.entries(faults.unansweredReasons).sort((a, b) => b[1] - a[1]);
  if (unanswered.length) out.push('', 'contact requests unanswered, by reason:', ...unanswered.map(([reason, count]) => `  ${count}× ${reason}`));
  if (report.observations.length) out.push('', 'observations:', ...report.observations.map((line) => `  - ${line}`));
  return out.join('\n');
}

function processes(report: SoakReport): string {
  const { store, processes: count } = report.options;
  return store === 'postgres' ? `${count} server process${count === 1 ? '' : 'es'} on PostgreSQL` : '1 server process on SQLite';
}

/** Two runs side by side: the same load on 1 process and on several. */
export function formatComparison(reports: readonly SoakReport[]): string {
  const columns = reports.map((report) => processes(report));
  const rows: [string, (report: SoakReport) => string][] = [
    ['result', (report) => (report.ok ? 'PASS' : 'FAIL')],
    ['lost / duplicated / out of order', (report) => `${report.totals.lost} / ${report.totals.duplicated} / ${report.totals.outOfOrder}`],
    ['throughput (messages/s)', (report) => report.throughput.messagesPerSecond.toFixed(1)],
    ['agent → server p50 / p99', (report) => `${ms(report.latency.agentToServer.p50)} / ${ms(report.latency.agentToServer.p99)}`],
    ['contact → agent p50 / p99', (report) => `${ms(report.latency.contactToAgent.p50)} / ${ms(report.latency.contactToAgent.p99)}`],
    ['SIGKILLed processes', (report) => String(report.faults.kills)],
    ['DB connections ended', (report) => String(report.faults.databaseConnectionsCut)],
    ['server RSS peak', (report) => mb(report.serverMemory.peakRssKb)],
  ];
  const cells = rows.map(([name, read]) => [name, ...reports.map(read)]);
  const header = ['', ...columns];
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((row) => (row[column] ?? '').length)));
  const line = (row: string[]) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('   ');
  return ['Side by side (same seed and load):', '', line(header), ...cells.map(line)].join('\n');
}

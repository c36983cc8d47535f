// @ts-check
// CPU time of processes, from /proc (Linux): what a bench charges to the processes that serve a
// page, whatever else the machine's CPUs are doing. Throughput on a 2-core machine shared with
// wrk and other work moves by ±10 % from one run to the next; the CPU a process spent per page
// moves far less, so small costs (a log line per page) are measured in it.
import fs from "node:fs";
import os from "node:os";

/** Clock ticks per second of /proc's times (USER_HZ: 100 on Linux). */
const HZ = 100;

/**
 * @param {number} pid
 * @returns {{ ppid: number, comm: string, seconds: number } | null}
 */
function stat(pid) {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // comm is in parentheses and may hold spaces: the fields after the last ")"
    const close = text.lastIndexOf(")");
    const comm = text.slice(text.indexOf("(") + 1, close);
    const f = text.slice(close + 2).split(" ");
    // after comm: state(0) ppid(1) … utime(11) stime(12)
    return { ppid: Number(f[1]), comm, seconds: (Number(f[11]) + Number(f[12])) / HZ };
  } catch {
    return null; // gone meanwhile
  }
}

function all() {
  /** @type {Map<number, NonNullable<ReturnType<typeof stat>>>} */
  const out = new Map();
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const s = stat(Number(name));
    if (s) out.set(Number(name), s);
  }
  return out;
}

/** Whether /proc can be read here (Linux). */
export const canMeasureCpu = () => os.platform() === "linux" && fs.existsSync("/proc/self/stat");

/**
 * CPU seconds (user + system) so far of each group: a group is the process trees under the
 * given pids, or every process whose name is given (e.g. "postgres").
 * @param {Record<string, (number | string)[]>} groups
 * @returns {Record<string, number>}
 */
export function cpuSeconds(groups) {
  const procs = all();
  /** @type {Map<number, number[]>} */
  const children = new Map();
  for (const [pid, s] of procs) children.set(s.ppid, [...(children.get(s.ppid) ?? []), pid]);
  /** @type {Record<string, number>} */
  const out = {};
  for (const [name, roots] of Object.entries(groups)) {
    const seen = new Set();
    const todo = [];
    for (const r of roots)
      if (typeof r === "number") todo.push(r);
      else for (const [pid, s] of procs) if (s.comm === r) todo.push(pid);
    while (todo.length) {
      const pid = /** @type {number} */ (todo.pop());
      if (seen.has(pid)) continue;
      seen.add(pid);
      todo.push(...(children.get(pid) ?? []));
    }
    out[name] = [...seen].reduce((sum, pid) => sum + (procs.get(pid)?.seconds ?? 0), 0);
  }
  return out;
}

/** The pids whose parent is `pid`. @param {number} pid */
export function childrenOf(pid) {
  return [...all()].filter(([, s]) => s.ppid === pid).map(([p]) => p);
}

/**
 * The view counters (server/view-log-counter.mjs) in the process tree under `pid`: a server's
 * child, or its first worker's (server/cluster.mjs).
 * @param {number} pid
 */
export function viewCountersUnder(pid) {
  const procs = all();
  /** @type {number[]} */
  const out = [];
  const todo = [pid];
  while (todo.length) {
    const p = /** @type {number} */ (todo.pop());
    for (const [child, s] of procs) {
      if (s.ppid !== p) continue;
      let cmd = "";
      try {
        cmd = fs.readFileSync(`/proc/${child}/cmdline`, "utf8");
      } catch {
        continue; // gone meanwhile
      }
      if (cmd.includes("view-log-counter.mjs")) out.push(child);
      else todo.push(child);
    }
  }
  return out;
}

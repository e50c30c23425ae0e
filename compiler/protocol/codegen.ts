/**
 * Code generation: a scheduled program becomes TypeScript, one exported dispatcher per
 * instance (e.g. `mul_32`) and one function per party. Per round a party function
 * (1) awaits the frames of that round, (2) draws one keystream block per stream,
 * (3) runs fused loops — all lane-wise word nodes of a segment in one `for` over
 * lanes, all bit-plane nodes in one `for` over ⌈L/32⌉ words — writing values that
 * are sent straight into the outgoing frame views, and (4) sends its frames.
 * Functions without communication are synchronous.
 *
 * Arithmetic per width: 8/16-bit words are numbers masked after each operation,
 * 32-bit words are int32 numbers (Math.imul for products), 64-bit words are BigInts
 * kept in BigUint64Array slots with BigInt.asUintN(64, …) after each operation.
 */
import type { OutputInfo, ParamInfo } from "./elaborate.js";
import type { Node, Party } from "./ir.js";
import { PARTIES } from "./ir.js";
import { type Cost, type PartSize, type Schedule, containerBytes } from "./schedule.js";

const WORD_ARRAY: Record<number, string> = { 1: "Uint8Array", 2: "Uint16Array", 4: "Uint32Array", 8: "BigUint64Array" };

export function arrayType(width: number): string {
  return WORD_ARRAY[containerBytes(width)] as string;
}

function checkWidth(n: Node): void {
  if (n.repr === "word" && ![8, 16, 32, 64].includes(n.width)) throw new Error(`code generation supports word widths 8, 16, 32, 64; node ${n.id} (${n.op}) has width ${n.width}`);
}

/** `a*L + b*W` as source. */
function sizeExpr(l: number, w: number): string {
  const parts: string[] = [];
  if (l !== 0) parts.push(l === 1 ? "L" : `${l} * L`);
  if (w !== 0) parts.push(w === 1 ? "W" : `${w} * W`);
  return parts.length === 0 ? "0" : parts.join(" + ");
}

function partBytes(s: PartSize): [number, number] {
  return [s.wordBytes, s.planes * 4];
}

function viewOf(n: { repr: "word" | "bit"; width: number }, buffer: string, offset: string, planeOffset = 0): string {
  if (n.repr === "bit") return `new Uint32Array(${buffer}.buffer, ${buffer}.byteOffset + ${offset}${planeOffset ? ` + ${planeOffset * 4} * W` : ""}, W)`;
  return `new ${arrayType(n.width)}(${buffer}.buffer, ${buffer}.byteOffset + ${offset}, L)`;
}

function paramType(p: ParamInfo): string {
  if (p.kind === "Key") return "number";
  if (p.kind === "X" && p.width === 1) return "Uint32Array";
  return arrayType(p.width);
}

function outputType(o: OutputInfo): string {
  if (o.repr === "bits" && o.width === 1) return "Uint32Array";
  return arrayType(o.width);
}

type SegKind = "lane" | "plane" | "special" | "leaf";

function kindOf(n: Node): SegKind {
  switch (n.op) {
    case "const":
    case "input":
    case "rnd":
    case "recv":
      return "leaf";
    case "bitof":
    case "perm":
    case "apply":
      return "special";
    default:
      return n.repr === "bit" ? "plane" : "lane";
  }
}

/** Generates the party functions and the dispatcher of one scheduled instance. */
export function generateInstance(s: Schedule, cost: Cost): string {
  const p = s.program;
  const params = p.params.map((q) => `${q.name}: ${paramType(q)}${q.holders.length < 3 ? " | undefined" : ""}`);
  const outTypes = p.outputs.map(outputType);
  const ret = outTypes.length === 1 ? (outTypes[0] as string) : `[${outTypes.join(", ")}]`;
  const sync = s.rounds === 0;
  const retType = sync ? ret : `Promise<${ret}>`;
  const argNames = p.params.map((q) => q.name).join(", ");
  const lines: string[] = [];
  const bytes = cost.bytesPerParty.map((b) => +b.toFixed(3)).join(" / ");
  lines.push(`/**`);
  if (p.doc) for (const d of p.doc.split("\n")) lines.push(` * ${d}`);
  lines.push(` * Instance ${p.instance}: ${cost.rounds} round(s); bytes sent per lane by P1 / P2 / P3: ${bytes}.`);
  lines.push(` */`);
  lines.push(`export function ${p.instance}(ctx: PartyContext, L: number${params.length ? ", " + params.join(", ") : ""}): ${retType} {`);
  lines.push(`  const inst = ctx.newInstance();`);
  lines.push(`  switch (ctx.party) {`);
  for (const party of PARTIES) lines.push(`    ${party === 2 ? "default" : `case ${party}`}:`, `      return ${p.instance}_p${party}(ctx, inst, L${argNames ? ", " + argNames : ""});`);
  lines.push(`  }`, `}`, ``);
  for (const party of PARTIES) lines.push(...new PartyEmitter(s, party, params, retType, sync).emit());
  return lines.join("\n");
}

class PartyEmitter {
  private readonly out: string[] = [];
  private readonly nodes: readonly Node[];
  /** Array expression holding a node's full vector, once available. */
  private readonly home = new Map<number, string>();
  /** Extra store targets (further frame views) of a computed node. */
  private readonly extra = new Map<number, string[]>();
  private readonly seg = new Map<number, number>();
  private readonly kernels: string[] = [];
  private tmp = 0;

  constructor(
    private readonly s: Schedule,
    private readonly party: Party,
    private readonly params: string[],
    private readonly retType: string,
    private readonly sync: boolean,
  ) {
    this.nodes = s.program.ir.nodes;
  }

  private line(t: string): void {
    this.out.push(`  ${t}`);
  }

  private mine(): Node[] {
    return this.nodes.filter((n) => this.s.live[n.id] && n.party === this.party);
  }

  emit(): string[] {
    const p = this.s.program;
    this.out.push(`${this.sync ? "" : "async "}function ${p.instance}_p${this.party}(ctx: PartyContext, inst: number, L: number${this.params.length ? ", " + this.params.join(", ") : ""}): ${this.retType} {`);
    this.line(`const W = (L + 31) >>> 5;`);
    this.line(`void W;`);
    for (const n of this.mine()) {
      checkWidth(n);
      if (n.op === "input") {
        const q = p.params[n.imm2] as ParamInfo;
        this.home.set(n.id, `(${q.name} as ${paramType(q)})`);
      }
    }
    for (let r = 0; r <= this.s.rounds; r++) this.emitRound(r);
    this.emitReturn();
    this.out.push(`}`, ``, ...this.kernels);
    return this.out;
  }

  private emitRound(r: number): void {
    const mine = this.mine().filter((n) => this.s.round[n.id] === r);
    const incoming = this.s.frames.filter((f) => f.step === r && f.to === this.party);
    const outgoing = this.s.frames.filter((f) => f.step === r + 1 && f.from === this.party);
    const blocks = this.s.keyBlocks.filter((b) => b.round === r && b.party === this.party);
    if (mine.length === 0 && outgoing.length === 0 && incoming.length === 0) return;
    this.line(`// round ${r}`);
    for (const f of incoming) {
      const buf = `in${r}_${f.from}`;
      this.line(`const ${buf} = await ctx.transport.receive(${f.from}, inst, ${r});`);
      let off: [number, number] = [0, 0];
      for (const part of f.parts) {
        const recv = mine.find((n) => n.op === "recv" && n.args[0] === part.node);
        if (recv !== undefined) {
          const name = `n${recv.id}`;
          this.line(`const ${name} = ${viewOf(recv, buf, sizeExpr(off[0], off[1]))};`);
          this.home.set(recv.id, name);
        }
        const b = partBytes(part.size);
        off = [off[0] + b[0], off[1] + b[1]];
      }
      this.line(`if (${buf}.byteLength !== ${sizeExpr(off[0], off[1])}) throw new Error("protocol ${this.s.program.instance}: bad frame size from party ${f.from}");`);
    }
    for (const b of blocks) {
      const buf = `ks${r}_${b.stream}`;
      const total = b.parts.reduce<[number, number]>((acc, part) => {
        const x = partBytes(part.size);
        return [acc[0] + x[0], acc[1] + x[1]];
      }, [0, 0]);
      this.line(`const ${buf} = ctx.prgs.${b.stream}.draw(inst, ${r}, ${sizeExpr(total[0], total[1])});`);
      let off: [number, number] = [0, 0];
      for (const part of b.parts) {
        for (const n of mine) {
          if (n.op !== "rnd" || n.imm2 !== part.draw.id) continue;
          const name = `n${n.id}`;
          this.line(`const ${name} = ${viewOf(n, buf, sizeExpr(off[0], off[1]), n.repr === "bit" ? n.imm : 0)};`);
          this.home.set(n.id, name);
        }
        const x = partBytes(part.size);
        off = [off[0] + x[0], off[1] + x[1]];
      }
    }
    // Outgoing frames: allocate, and make their views the homes / extra targets of the sent nodes.
    const copies: string[] = [];
    for (const f of outgoing) {
      const buf = `out${r + 1}_${f.to}`;
      const total = f.parts.reduce<[number, number]>((acc, part) => {
        const x = partBytes(part.size);
        return [acc[0] + x[0], acc[1] + x[1]];
      }, [0, 0]);
      this.line(`const ${buf} = new Uint8Array(${sizeExpr(total[0], total[1])});`);
      let off: [number, number] = [0, 0];
      for (const part of f.parts) {
        const n = this.nodes[part.node] as Node;
        const view = `s${n.id}_${f.to}`;
        this.line(`const ${view} = ${viewOf(n, buf, sizeExpr(off[0], off[1]))};`);
        if (kindOf(n) === "leaf") copies.push(`${view}.set(${this.home.get(n.id)}.subarray(0, ${n.repr === "bit" ? "W" : "L"}));`);
        else if (!this.home.has(n.id)) this.home.set(n.id, view);
        else this.extra.set(n.id, [...(this.extra.get(n.id) ?? []), view]);
        const x = partBytes(part.size);
        off = [off[0] + x[0], off[1] + x[1]];
      }
    }
    this.emitCompute(mine.filter((n) => kindOf(n) !== "leaf"), r);
    for (const c of copies) this.line(c);
    for (const f of outgoing) this.line(`ctx.transport.send(${f.to}, inst, ${r + 1}, out${r + 1}_${f.to});`);
  }

  private isOutput(id: number): boolean {
    return this.s.program.outputs.some((o) => o.comps[this.party]?.includes(id));
  }

  private emitCompute(nodes: Node[], r: number): void {
    const inRound = new Set(nodes.map((n) => n.id));
    let maxSeg = -1;
    for (const n of nodes) {
      let sg = 0;
      for (const a of n.args) {
        if (!inRound.has(a)) continue;
        const an = this.nodes[a] as Node;
        const bump = kindOf(an) !== kindOf(n) || kindOf(n) === "special" ? 1 : 0;
        sg = Math.max(sg, (this.seg.get(a) as number) + bump);
      }
      this.seg.set(n.id, sg);
      maxSeg = Math.max(maxSeg, sg);
    }
    // Which computed nodes need an array.
    for (const n of nodes) {
      if (this.home.has(n.id)) continue;
      const users = this.s.users[n.id] as number[];
      const needs =
        kindOf(n) === "special" ||
        this.isOutput(n.id) ||
        users.some((u) => {
          const un = this.nodes[u] as Node;
          return this.s.round[u] !== r || this.seg.get(u) !== this.seg.get(n.id) || kindOf(un) !== kindOf(n) || un.op === "recv";
        });
      if (needs) {
        const name = `n${n.id}`;
        this.line(`const ${name} = new ${n.repr === "bit" ? "Uint32Array(W)" : `${arrayType(n.width)}(L)`};`);
        this.home.set(n.id, name);
      }
    }
    for (let sg = 0; sg <= maxSeg; sg++) {
      const group = nodes.filter((n) => this.seg.get(n.id) === sg);
      this.emitSpecials(group.filter((n) => kindOf(n) === "special"));
      this.emitLoop(group.filter((n) => kindOf(n) === "plane"), "W");
      this.emitLoop(group.filter((n) => kindOf(n) === "lane"), "L");
    }
  }

  private emitSpecials(all: Node[]): void {
    for (const n of all) {
      if (n.op === "perm") {
        const tag = Number(n.value);
        const other = (Math.floor(tag / 3) === this.party ? tag % 3 : Math.floor(tag / 3)) as Party;
        const stream = other === (this.party + 1) % 3 ? "next" : "prev";
        const key = (this.s.program.params[n.imm2] as ParamInfo).name;
        this.line(`const n${n.id}_p = permutation(ctx.prgs.${stream}, ${key} as number, ${tag}, L);`);
        this.line(`${this.home.get(n.id)}.set(n${n.id}_p);`);
      } else if (n.op === "apply") {
        this.line(`applyPermutation(${this.home.get(n.args[0] as number)}, ${this.home.get(n.args[1] as number)}, ${this.home.get(n.id)}, L, ${n.imm === 1});`);
      }
      if (n.op !== "bitof") for (const e of this.extra.get(n.id) ?? []) this.line(`${e}.set(${this.home.get(n.id)});`);
    }
    const nodes = all.filter((n) => n.op === "bitof");
    const bySource = new Map<number, Node[]>();
    for (const n of nodes) {
      const src = n.args[0] as number;
      bySource.set(src, [...(bySource.get(src) ?? []), n]);
    }
    for (const [src, list] of bySource) {
      const sn = this.nodes[src] as Node;
      const outs: string[] = [];
      for (let k = 0; k < sn.width; k++) {
        const n = list.find((x) => x.imm === k);
        outs.push(n === undefined ? "null" : (this.home.get(n.id) as string));
      }
      this.line(`toPlanes(${this.home.get(src)}, ${sn.width}, L, [${outs.join(", ")}]);`);
      for (const n of list) for (const e of this.extra.get(n.id) ?? []) this.line(`${e}.set(${this.home.get(n.id)});`);
    }
  }

  /** Array parameters of the kernel being emitted: party-function expression → parameter. */
  private kernelArgs: { expr: string; type: string; name: string }[] = [];

  /** The kernel parameter standing for array expression `expr` (of node `id`'s type). */
  private karg(expr: string, id: number): string {
    const hit = this.kernelArgs.find((a) => a.expr === expr);
    if (hit !== undefined) return hit.name;
    const n = this.nodes[id] as Node;
    const name = `a${this.kernelArgs.length}`;
    this.kernelArgs.push({ expr, type: n.repr === "bit" ? "Uint32Array" : arrayType(n.width), name });
    return name;
  }

  /**
   * One fused loop over lanes (L) or bit-plane words (W), emitted as a separate small
   * kernel function so that the JIT optimises it independently of the party function.
   */
  private emitLoop(nodes: Node[], count: "L" | "W"): void {
    if (nodes.length === 0) return;
    this.kernelArgs = [];
    const local = new Set(nodes.map((n) => n.id));
    const loads = new Map<number, string>();
    const body: string[] = [];
    const ref = (id: number): string => {
      const n = this.nodes[id] as Node;
      if (n.op === "const") return this.literal(n);
      if (local.has(id)) return `t${id}`;
      let v = loads.get(id);
      if (v === undefined) {
        v = `x${id}`;
        loads.set(id, v);
      }
      return v;
    };
    for (const n of nodes) {
      body.push(`const t${n.id} = ${this.expr(n, ref)};`);
      const home = this.home.get(n.id);
      if (home !== undefined) body.push(`${this.karg(home, n.id)}[j] = t${n.id};`);
      for (const e of this.extra.get(n.id) ?? []) body.push(`${this.karg(e, n.id)}[j] = t${n.id};`);
    }
    const head: string[] = [];
    for (const [id, v] of loads) {
      const n = this.nodes[id] as Node;
      const home = this.home.get(id);
      if (home === undefined) throw new Error(`internal: node ${id} has no array`);
      if (n.repr === "bit" && count === "L") continue; // read bit-wise by lift
      head.push(`const ${v} = ${this.karg(home, id)}[j]!;`);
    }
    const name = `${this.s.program.instance}_p${this.party}_k${this.kernels.length}`;
    const params = this.kernelArgs.map((a) => `${a.name}: ${a.type}`).join(", ");
    this.kernels.push([`function ${name}(${count}: number${params ? ", " + params : ""}): void {`, `  for (let j = 0; j < ${count}; j++) {`, ...head.map((h) => `    ${h}`), ...body.map((b) => `    ${b}`), `  }`, `}`, ``].join("\n"));
    this.line(`${name}(${count}${this.kernelArgs.length ? ", " + this.kernelArgs.map((a) => a.expr).join(", ") : ""});`);
  }

  private literal(n: Node): string {
    if (n.repr === "bit") return n.value === 0n ? "0" : "-1";
    if (n.width === 64) return `${n.value}n`;
    if (n.width === 32) return `${Number(BigInt.asIntN(32, n.value))}`;
    return `${n.value}`;
  }

  /** Expression computing node `n` from its arguments' references. */
  private expr(n: Node, ref: (id: number) => string): string {
    const a = ref(n.args[0] as number);
    const b = n.args.length > 1 ? ref(n.args[1] as number) : "";
    if (n.repr === "bit") {
      switch (n.op) {
        case "and":
          return `${a} & ${b}`;
        case "or":
          return `${a} | ${b}`;
        case "xor":
          return `${a} ^ ${b}`;
        case "not":
          return `~${a}`;
        default:
          throw new Error(`internal: bit op ${n.op}`);
      }
    }
    const w = n.width;
    if (n.op === "lift") {
      const plane = this.karg(this.home.get(n.args[0] as number) as string, n.args[0] as number);
      const bit = `((${plane}[j >>> 5]! >>> (j & 31)) & 1)`;
      return w === 64 ? `(${bit} === 1 ? 1n : 0n)` : bit;
    }
    if (n.op === "trunc") {
      const src = this.nodes[n.args[0] as number] as Node;
      if (src.width === 64) return w === 32 ? `Number(BigInt.asUintN(32, ${a})) | 0` : `Number(${a} & ${(1n << BigInt(w)) - 1n}n)`;
      return w === 32 ? a : `${a} & ${(1 << w) - 1}`;
    }
    if (n.op === "zext") {
      const src = this.nodes[n.args[0] as number] as Node;
      if (w === 64) return src.width === 32 ? `BigInt(${a} >>> 0)` : `BigInt(${a})`;
      return src.width === 32 ? a : a;
    }
    if (w === 64) {
      const u = (e: string) => `BigInt.asUintN(64, ${e})`;
      switch (n.op) {
        case "add":
          return u(`${a} + ${b}`);
        case "sub":
          return u(`${a} - ${b}`);
        case "mul":
          return u(`${a} * ${b}`);
        case "neg":
          return u(`-${a}`);
        case "not":
          return u(`~${a}`);
        case "and":
          return `${a} & ${b}`;
        case "or":
          return `${a} | ${b}`;
        case "xor":
          return `${a} ^ ${b}`;
        case "shl":
          return u(`${a} << ${n.imm}n`);
        case "shr":
          return `${a} >> ${n.imm}n`;
        default:
          throw new Error(`internal: word op ${n.op}`);
      }
    }
    if (w === 32) {
      switch (n.op) {
        case "add":
          return `(${a} + ${b}) | 0`;
        case "sub":
          return `(${a} - ${b}) | 0`;
        case "mul":
          return `Math.imul(${a}, ${b})`;
        case "neg":
          return `-${a} | 0`;
        case "not":
          return `~${a}`;
        case "and":
          return `${a} & ${b}`;
        case "or":
          return `${a} | ${b}`;
        case "xor":
          return `${a} ^ ${b}`;
        case "shl":
          return `${a} << ${n.imm}`;
        case "shr":
          return `(${a} >>> ${n.imm}) | 0`;
        default:
          throw new Error(`internal: word op ${n.op}`);
      }
    }
    const m = (1 << w) - 1;
    switch (n.op) {
      case "add":
        return `(${a} + ${b}) & ${m}`;
      case "sub":
        return `(${a} - ${b}) & ${m}`;
      case "mul":
        return `Math.imul(${a}, ${b}) & ${m}`;
      case "neg":
        return `-${a} & ${m}`;
      case "not":
        return `~${a} & ${m}`;
      case "and":
        return `${a} & ${b}`;
      case "or":
        return `${a} | ${b}`;
      case "xor":
        return `${a} ^ ${b}`;
      case "shl":
        return `(${a} << ${n.imm}) & ${m}`;
      case "shr":
        return `${a} >>> ${n.imm}`;
      default:
        throw new Error(`internal: word op ${n.op}`);
    }
  }

  private emitReturn(): void {
    const outs: string[] = [];
    for (const o of this.s.program.outputs) {
      const ids = o.comps[this.party];
      if (ids === undefined) {
        outs.push(`new ${outputType(o)}(0)`);
        continue;
      }
      if (o.repr === "word" || o.width === 1) outs.push(this.ownedArray(ids[0] as number));
      else {
        const planes = ids.map((id) => {
          const n = this.nodes[id] as Node;
          return n.op === "const" ? this.literal(n) : (this.home.get(id) as string);
        });
        outs.push(`fromPlanes(${o.width}, L, [${planes.join(", ")}]) as ${outputType(o)}`);
      }
    }
    this.line(`return ${outs.length === 1 ? outs[0] : `[${outs.join(", ")}]`};`);
  }

  /** An array the caller may own: computed arrays directly, views and inputs copied. */
  private ownedArray(id: number): string {
    const n = this.nodes[id] as Node;
    const type = n.repr === "bit" ? "Uint32Array" : arrayType(n.width);
    const count = n.repr === "bit" ? "W" : "L";
    if (n.op === "const") return `new ${type}(${count}).fill(${this.literal(n)}${n.repr === "word" && n.width === 32 ? " >>> 0" : ""})`;
    const home = this.home.get(id) as string;
    if (kindOf(n) === "leaf" || home.startsWith("s")) return `${home}.slice(0, ${count})`;
    return home;
  }
}

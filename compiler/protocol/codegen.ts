/**
 * Code generation: a scheduled program becomes TypeScript, one exported dispatcher per
 * instance (e.g. `mul_32`) and one function per party. Per round a party function
 * (1) awaits the frames of that round, (2) draws one keystream block per stream,
 * (3) computes, writing values that are sent straight into the outgoing frame views,
 * and (4) sends its frames. Functions without communication are synchronous.
 *
 * Nothing is unrolled into statements: a party function names its vectors (bit planes
 * and words) by register numbers of the table machine (runtime/protocols/machine.ts);
 * consecutive parts of one type in a frame or keystream block become registers by one
 * `views` call, and each fused loop of a round — all lane-wise word nodes of a segment
 * over the lanes, or all bit-plane nodes over the ⌈L/32⌉ plane words — is a constant
 * table of runs (table.ts) at module level: word tables are compiled at run time on
 * first use (runtime/protocols/table-jit.ts, at most CHUNK nodes per loop), plane
 * tables interpreted (plane-interpreter.ts). Bit extraction and shuffles are calls of
 * their own.
 * Messages, keystream layout and costs are those of the schedule.
 */
import type { OutputInfo, ParamInfo } from "./elaborate.js";
import type { Node, Party } from "./ir.js";
import { PARTIES } from "./ir.js";
import { type Cost, type PartSize, type Schedule, containerBytes } from "./schedule.js";
import { type Instr, type TableOp, type VecType, LOOPS, TempSlots, TYPES, encodeRuns, tableText, tempOperand } from "./table.js";

const WORD_ARRAY: Record<number, string> = { 1: "Uint8Array", 2: "Uint16Array", 4: "Uint32Array", 8: "BigUint64Array" };

/** The typed array holding words of `width` bits. */
export function arrayType(width: number): string {
  return WORD_ARRAY[containerBytes(width)] as string;
}

/** Most nodes in one word table (one compiled JavaScript loop). */
const CHUNK = 64;

/** fromPlanes / plane entries for constant planes (runtime/protocols/machine.ts). */
const ZERO_PLANE = -1;
const ONES_PLANE = -2;

function checkWidth(n: Node): void {
  if (n.repr === "word" && ![8, 16, 32, 64].includes(n.width)) throw new Error(`code generation supports word widths 8, 16, 32, 64; node ${n.id} (${n.op}) has width ${n.width}`);
}

function typeOf(n: { repr: "word" | "bit"; width: number }): VecType {
  if (n.repr === "bit") return TYPES.plane;
  switch (containerBytes(n.width)) {
    case 1:
      return TYPES.w8;
    case 2:
      return TYPES.w16;
    case 4:
      return TYPES.w32;
    default:
      return TYPES.w64;
  }
}

function partType(s: PartSize): VecType {
  if (s.planes > 0) return TYPES.plane;
  return typeOf({ repr: "word", width: 8 * s.wordBytes });
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

/** The table operation of a computed node. */
function tableOp(n: Node): TableOp {
  switch (n.op) {
    case "and":
    case "or":
    case "xor":
    case "not":
    case "add":
    case "sub":
    case "mul":
    case "neg":
    case "shl":
    case "shr":
    case "lift":
      return n.op;
    case "trunc":
    case "zext":
      return "conv";
    default:
      throw new Error(`internal: no table operation for ${n.op}`);
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
  private readonly body: string[] = [];
  private readonly prelude: string[] = [];
  private readonly nodes: readonly Node[];
  /** Register of a node's full vector (in the file of its type), once available. */
  private readonly reg = new Map<number, number>();
  /** Registers (type:reg) that are views or inputs: copied when returned. */
  private readonly borrowed = new Set<string>();
  /** Registers allocated per type. */
  private readonly registers = [0, 0, 0, 0, 0];
  private readonly seg = new Map<number, number>();
  /** Chunk of a node within its segment and kind (one table per chunk). */
  private readonly chunk = new Map<number, number>();
  private readonly tables: string[] = [];
  private readonly name: string;

  constructor(
    private readonly s: Schedule,
    private readonly party: Party,
    private readonly params: string[],
    private readonly retType: string,
    private readonly sync: boolean,
  ) {
    this.nodes = s.program.ir.nodes;
    this.name = `${s.program.instance}_p${party}`;
  }

  private line(t: string): void {
    this.body.push(`  ${t}`);
  }

  private mine(): Node[] {
    return this.nodes.filter((n) => this.s.live[n.id] && n.party === this.party);
  }

  private newRegisters(type: VecType, count: number): number {
    const first = this.registers[type] as number;
    this.registers[type] = first + count;
    return first;
  }

  emit(): string[] {
    const p = this.s.program;
    for (const n of this.mine()) {
      checkWidth(n);
      if (n.op !== "input") continue;
      const q = p.params[n.imm2] as ParamInfo;
      const type = typeOf(n);
      const r = this.newRegisters(type, 1);
      this.prelude.push(`R.input(${type}, ${r}, ${q.name} as ${paramType(q)});`);
      this.reg.set(n.id, r);
      this.borrowed.add(`${type}:${r}`);
    }
    for (let r = 0; r <= this.s.rounds; r++) this.emitRound(r);
    this.emitReturn();
    const head = [
      `${this.sync ? "" : "async "}function ${this.name}(ctx: PartyContext, inst: number, L: number${this.params.length ? ", " + this.params.join(", ") : ""}): ${this.retType} {`,
      `  const W = (L + 31) >>> 5;`,
      `  void W;`,
      `  const R = new Registers(L);`,
    ];
    return [...this.tables, ...head, ...this.prelude.map((t) => `  ${t}`), ...this.body, `}`, ``];
  }

  /**
   * Walks the parts of a frame or keystream block: each run of consecutive parts of one
   * type becomes one `views` call; `onPart` gets each part with its first register.
   * Returns the end offset.
   */
  private layParts<T extends { size: PartSize }>(buf: string, parts: readonly T[], onPart: (part: T, reg: number) => void): [number, number] {
    let off: [number, number] = [0, 0];
    let i = 0;
    while (i < parts.length) {
      const type = partType((parts[i] as T).size);
      let j = i;
      let vectors = 0;
      const at: number[] = [];
      while (j < parts.length && partType((parts[j] as T).size) === type) {
        at.push(vectors);
        vectors += Math.max(1, (parts[j] as T).size.planes);
        j++;
      }
      const first = this.newRegisters(type, vectors);
      this.line(`R.views(${type}, ${first}, ${vectors}, ${buf}, ${sizeExpr(off[0], off[1])});`);
      for (let k = i; k < j; k++) {
        onPart(parts[k] as T, first + (at[k - i] as number));
        const x = partBytes((parts[k] as T).size);
        off = [off[0] + x[0], off[1] + x[1]];
      }
      for (let v = 0; v < vectors; v++) this.borrowed.add(`${type}:${first + v}`);
      i = j;
    }
    return off;
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
      const end = this.layParts(buf, f.parts, (part, reg) => {
        const recv = mine.find((n) => n.op === "recv" && n.args[0] === part.node);
        if (recv !== undefined) this.reg.set(recv.id, reg);
      });
      this.line(`if (${buf}.byteLength !== ${sizeExpr(end[0], end[1])}) throw new Error("protocol ${this.s.program.instance}: bad frame size from party ${f.from}");`);
    }
    for (const b of blocks) {
      // The keystream is counter based: draw only up to the last part this party uses.
      const used = b.parts.map((part) => mine.some((n) => n.op === "rnd" && n.imm2 === part.draw.id)).lastIndexOf(true);
      if (used < 0) continue;
      const parts = b.parts.slice(0, used + 1);
      const buf = `ks${r}_${b.stream}`;
      this.line(`const ${buf} = ctx.prgs.${b.stream}.draw(inst, ${r}, ${this.blockSize(parts)});`);
      this.layParts(buf, parts, (part, reg) => {
        for (const n of mine) if (n.op === "rnd" && n.imm2 === part.draw.id) this.reg.set(n.id, reg + (n.repr === "bit" ? n.imm : 0));
      });
    }
    // Outgoing frames: their views become the registers of the sent nodes; nodes that
    // already have one (leaves, or a value sent twice) are copied after the compute.
    const copies: Instr[] = [];
    for (const f of outgoing) {
      const buf = `out${r + 1}_${f.to}`;
      this.line(`const ${buf} = new Uint8Array(${this.blockSize(f.parts)});`);
      this.layParts(buf, f.parts, (part, view) => {
        const n = this.nodes[part.node] as Node;
        const own = this.reg.get(n.id);
        if (own !== undefined) copies.push({ op: "copy", type: typeOf(n), d: view, a: own, b: own });
        else if (kindOf(n) === "leaf") throw new Error(`internal: node ${n.id} sent before it has a register`);
        else this.reg.set(n.id, view);
      });
    }
    this.emitCompute(mine.filter((n) => kindOf(n) !== "leaf"), r);
    this.emitTable(copies.filter((c) => c.type === TYPES.plane), LOOPS.planes);
    this.emitTable(copies.filter((c) => c.type !== TYPES.plane), LOOPS.lanes);
    for (const f of outgoing) this.line(`ctx.transport.send(${f.to}, inst, ${r + 1}, out${r + 1}_${f.to});`);
  }

  private blockSize(parts: readonly { size: PartSize }[]): string {
    const total = parts.reduce<[number, number]>((acc, part) => {
      const x = partBytes(part.size);
      return [acc[0] + x[0], acc[1] + x[1]];
    }, [0, 0]);
    return sizeExpr(total[0], total[1]);
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
    // Long word loops are cut into chunks of CHUNK nodes: a JavaScript function of
    // thousands of statements takes many calls to be optimised (or never is). Plane
    // tables are interpreted, so they stay whole.
    const placed = new Map<string, number>();
    for (const n of nodes) {
      const key = `${this.seg.get(n.id)}:${kindOf(n)}`;
      const i = placed.get(key) ?? 0;
      placed.set(key, i + 1);
      this.chunk.set(n.id, kindOf(n) === "lane" ? Math.floor(i / CHUNK) : 0);
    }
    // Which computed nodes need a full vector (a register) rather than a scratch slot.
    const fresh: Node[] = [];
    for (const n of nodes) {
      if (this.reg.has(n.id)) continue;
      const users = this.s.users[n.id] as number[];
      const needs =
        kindOf(n) === "special" ||
        this.isOutput(n.id) ||
        users.some((u) => {
          const un = this.nodes[u] as Node;
          return this.s.round[u] !== r || this.seg.get(u) !== this.seg.get(n.id) || this.chunk.get(u) !== this.chunk.get(n.id) || kindOf(un) !== kindOf(n) || un.op === "recv";
        });
      if (needs) fresh.push(n);
    }
    for (const type of Object.values(TYPES)) {
      const list = fresh.filter((n) => typeOf(n) === type);
      if (list.length === 0) continue;
      const first = this.newRegisters(type, list.length);
      list.forEach((n, i) => this.reg.set(n.id, first + i));
      this.line(`R.fresh(${type}, ${first}, ${list.length});`);
    }
    for (let sg = 0; sg <= maxSeg; sg++) {
      const group = nodes.filter((n) => this.seg.get(n.id) === sg);
      this.emitSpecials(group.filter((n) => kindOf(n) === "special"));
      for (const [kind, loop] of [["plane", LOOPS.planes], ["lane", LOOPS.lanes]] as const) {
        const list = group.filter((n) => kindOf(n) === kind);
        const chunks = list.length === 0 ? 0 : (this.chunk.get((list[list.length - 1] as Node).id) as number) + 1;
        for (let c = 0; c < chunks; c++) this.emitNodes(list.filter((n) => this.chunk.get(n.id) === c), loop);
      }
    }
  }

  private emitSpecials(all: Node[]): void {
    for (const n of all) if (n.op !== "bitof") this.emitShuffle(n);
    const bySource = new Map<number, Node[]>();
    for (const n of all) {
      if (n.op !== "bitof") continue;
      const src = n.args[0] as number;
      bySource.set(src, [...(bySource.get(src) ?? []), n]);
    }
    for (const [src, list] of bySource) {
      const sn = this.nodes[src] as Node;
      const map: number[] = [];
      for (let k = 0; k < sn.width; k++) {
        const n = list.find((x) => x.imm === k);
        map.push(n === undefined ? -1 : (this.reg.get(n.id) as number));
      }
      while (map.length > 0 && map[map.length - 1] === -1) map.pop();
      this.line(`R.toPlanes(${typeOf(sn)}, ${this.reg.get(src) as number}, [${map.join(", ")}]);`);
    }
  }

  private emitShuffle(n: Node): void {
    const words = (id: number) => {
      const m = this.nodes[id] as Node;
      return `R.words(${typeOf(m)}, ${this.reg.get(id) as number})`;
    };
    if (n.op === "perm") {
      const tag = Number(n.value);
      const other = (Math.floor(tag / 3) === this.party ? tag % 3 : Math.floor(tag / 3)) as Party;
      const stream = other === (this.party + 1) % 3 ? "next" : "prev";
      const key = (this.s.program.params[n.imm2] as ParamInfo).name;
      this.line(`(${words(n.id)} as Uint32Array).set(permutation(ctx.prgs.${stream}, ${key} as number, ${tag}, L));`);
    } else if (n.op === "apply") {
      this.line(`applyPermutation(${words(n.args[0] as number)} as Uint32Array, ${words(n.args[1] as number)}, ${words(n.id)}, L, ${n.imm === 1});`);
    }
  }

  /** Nodes of one segment as a table (one fused loop); temporaries are locals of the loop. */
  private emitNodes(nodes: Node[], loop: number): void {
    if (nodes.length === 0) return;
    const local = new Set(nodes.map((n) => n.id));
    const lastUse = new Map<number, number>();
    nodes.forEach((n, i) => {
      for (const a of n.args) if (local.has(a)) lastUse.set(a, i);
    });
    const slots = [0, 1, 2, 3, 4].map(() => new TempSlots());
    const slotOf = new Map<number, number>();
    const code: Instr[] = [];
    // Constants first: their slots stay taken for the whole table.
    const consts = new Map<string, number>();
    for (const n of nodes) {
      for (const a of n.args) {
        const c = this.nodes[a] as Node;
        const key = `${typeOf(c)}:${c.value}`;
        if (c.op !== "const" || consts.has(key)) continue;
        const t = typeOf(c);
        const s = (slots[t] as TempSlots).take();
        consts.set(key, s);
        const v = t === TYPES.plane ? (c.value === 0n ? 0 : -1) : c.value;
        code.push({ op: "const", type: t, d: tempOperand(s), a: Number(BigInt.asUintN(32, BigInt(v))) | 0, b: Number(BigInt.asUintN(32, BigInt(v) >> 32n)) | 0 });
      }
    }
    const operand = (id: number): number => {
      const n = this.nodes[id] as Node;
      if (n.op === "const") return tempOperand(consts.get(`${typeOf(n)}:${n.value}`) as number);
      const r = this.reg.get(id);
      if (r !== undefined) return r;
      const s = slotOf.get(id);
      if (s === undefined) throw new Error(`internal: node ${id} has no register`);
      return tempOperand(s);
    };
    nodes.forEach((n, i) => {
      const op = tableOp(n);
      const a = operand(n.args[0] as number);
      const src = this.nodes[n.args[0] as number] as Node;
      let b: number;
      if (op === "shl" || op === "shr") b = n.imm;
      else if (op === "conv") b = typeOf(src);
      else b = n.args.length > 1 ? operand(n.args[1] as number) : a;
      for (const x of new Set(n.args)) {
        const s = slotOf.get(x);
        if (lastUse.get(x) === i && s !== undefined) (slots[typeOf(this.nodes[x] as Node)] as TempSlots).free(s);
      }
      const type = typeOf(n);
      let d = this.reg.get(n.id);
      if (d === undefined) {
        const s = (slots[type] as TempSlots).take();
        slotOf.set(n.id, s);
        d = tempOperand(s);
      }
      code.push({ op, type, d, a, b });
    });
    this.emitTable(code, loop);
  }

  private emitTable(code: readonly Instr[], loop: number): void {
    if (code.length === 0) return;
    const name = `${this.name}_t${this.tables.length}`;
    this.tables.push(`const ${name} = "${tableText(encodeRuns(loop, code))}";`);
    this.line(`runTable(R, ${name});`);
  }

  private emitReturn(): void {
    const outs: string[] = [];
    for (const o of this.s.program.outputs) {
      const ids = o.comps[this.party];
      if (ids === undefined) {
        outs.push(`new ${outputType(o)}(0)`);
        continue;
      }
      if (o.repr === "word" || o.width === 1) outs.push(this.owned(ids[0] as number, outputType(o)));
      else {
        const map = ids.map((id) => {
          const n = this.nodes[id] as Node;
          if (n.op === "const") return n.value === 0n ? ZERO_PLANE : ONES_PLANE;
          return this.reg.get(id) as number;
        });
        outs.push(`R.fromPlanes(${o.width}, [${map.join(", ")}]) as ${outputType(o)}`);
      }
    }
    this.line(`return ${outs.length === 1 ? outs[0] : `[${outs.join(", ")}]`};`);
  }

  /** A vector the caller may own: fresh registers directly, views and inputs copied. */
  private owned(id: number, type: string): string {
    const n = this.nodes[id] as Node;
    if (n.op === "const") {
      if (n.repr === "bit") return `R.plane(${n.value === 0n ? ZERO_PLANE : ONES_PLANE})`;
      return `new ${type}(L).fill(${n.width === 64 ? `${n.value}n` : `${n.value}`})`;
    }
    const t = typeOf(n);
    const r = this.reg.get(id) as number;
    return `R.result(${t}, ${r}, ${this.borrowed.has(`${t}:${r}`)}) as ${type}`;
  }
}

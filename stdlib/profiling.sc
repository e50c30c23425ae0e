/*
 * profiling: timing of program sections, reported by the runtime.
 *
 * newSectionType(name) registers a kind of section and returns its id (0, 1, ...
 * in registration order); startSection(type, n) opens a section of that type
 * processing n elements and returns the section's id; endSection(id) closes it;
 * flushProfileLog() asks the runtime to write out the sections closed so far.
 * Sections may nest. The bookkeeping and the clock are the VM's
 * (`ProcessProfiler_*` syscalls, vm/builtin-syscalls.ts): each closed section
 * (type name, element count, elapsed microseconds, nesting depth) goes to the
 * host, which `secrun --stats` reports per section type. Nothing reaches the
 * program's own output. An unknown section type or closing a section that is not
 * open stops the program with a runtime error.
 */
module profiling;

import stdlib;

/** Registers a section type called `name`; returns its id. */
uint32 newSectionType(string name) {
    uint id;
    __syscall("ProcessProfiler_newSectionType", __cref name, __return id);
    return (uint32) id;
}

/** Opens a section of type sectionType processing n elements; returns its id. */
uint32 startSection(uint32 sectionType, uint n) {
    uint t = (uint) sectionType;
    uint id;
    __syscall("ProcessProfiler_startSection", t, n, __return id);
    return (uint32) id;
}

/** Closes the open section `sectionId`. */
void endSection(uint32 sectionId) {
    uint id = (uint) sectionId;
    __syscall("ProcessProfiler_endSection", id);
}

/** Asks the runtime to write out the sections closed so far. */
void flushProfileLog() {
    __syscall("ProcessProfiler_flushLog");
}

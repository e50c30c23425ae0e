/*
 * profiling: timing of program sections.
 *
 * newSectionType(name) registers a kind of section and returns its id;
 * startSection(type, n) opens a section (n: how many elements it processes,
 * reported alongside) and returns the section id; endSection(id) closes it;
 * flushProfileLog() prints one line per closed section, in the order they were
 * opened, and forgets them:
 *     profile: NAME n=N TIME us
 * Times come from the VM's monotonic clock (`Process_logMicroseconds`); the
 * section records live in this module's global variables. (The original platform
 * sends sections to the server's profiler through `ProcessProfiler_*` syscalls,
 * which this runtime does not provide; the log lines take their place.)
 */
module profiling;

import stdlib;

// names of the section types, each followed by a newline
string _profileNames = "";
uint[[1]] _profileNameStart;
uint[[1]] _profileNameEnd;
// one entry per opened section
uint32[[1]] _profileType;
uint[[1]] _profileCount;
uint[[1]] _profileStart;
uint[[1]] _profileEnd;
bool[[1]] _profileClosed;

uint _profileNow() {
    uint t;
    __syscall("Process_logMicroseconds", __return t);
    return t;
}

/** Registers a section type called `name`; returns its id. */
uint32 newSectionType(string name) {
    uint32 id = (uint32) size(_profileNameStart);
    uint[[1]] begin = {strlen(_profileNames)};
    _profileNames = _profileNames + name;
    uint[[1]] end = {strlen(_profileNames)};
    _profileNames = _profileNames + "\n";
    _profileNameStart = cat(_profileNameStart, begin);
    _profileNameEnd = cat(_profileNameEnd, end);
    return id;
}

/** Opens a section of type sectionType processing n elements; returns its id. */
uint32 startSection(uint32 sectionType, uint n) {
    assert((uint) sectionType < size(_profileNameStart));
    uint32 id = (uint32) size(_profileType);
    uint32[[1]] t = {sectionType};
    uint[[1]] c = {n};
    uint[[1]] now = {_profileNow()};
    bool[[1]] open = {false};
    _profileType = cat(_profileType, t);
    _profileCount = cat(_profileCount, c);
    _profileStart = cat(_profileStart, now);
    _profileEnd = cat(_profileEnd, now);
    _profileClosed = cat(_profileClosed, open);
    return id;
}

/** Closes the section `sectionId`. */
void endSection(uint32 sectionId) {
    uint i = (uint) sectionId;
    assert(i < size(_profileType));
    _profileEnd[i] = _profileNow();
    _profileClosed[i] = true;
}

/** Prints the closed sections and forgets all recorded sections. */
void flushProfileLog() {
    for (uint i = 0; i < size(_profileType); ++i) {
        if (_profileClosed[i]) {
            uint t = (uint) _profileType[i];
            string name = substring(_profileNames, _profileNameStart[t], _profileNameEnd[t]);
            print("profile: ", name, " n=", _profileCount[i], " ", _profileEnd[i] - _profileStart[i], " us");
        }
    }
    uint32[[1]] noTypes;
    uint[[1]] none;
    bool[[1]] noFlags;
    _profileType = noTypes;
    _profileCount = none;
    _profileStart = none;
    _profileEnd = none;
    _profileClosed = noFlags;
}

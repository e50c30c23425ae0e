// A helper module for the import tests.
module basics;

uint32 BASE = 7;

uint32 basicValue() {
    return BASE;
}

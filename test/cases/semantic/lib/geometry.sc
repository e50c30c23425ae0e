// A helper module that imports basics (not re-exported to its importers).
module geometry;

import basics;

uint32 area(uint32 side) {
    return side * side + basicValue() - BASE;
}

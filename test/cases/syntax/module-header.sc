// The module name comes first; a second 'module' line is misplaced.
module geometry;
import stdlib;

module again;            //~ SC1111@1

void main() {}

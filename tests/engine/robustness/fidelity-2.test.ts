/** Fidelity against the real kubectl, part 2: see `fidelity-suite.ts`. */
import { fidelitySuite } from "./fidelity-suite";

fidelitySuite(1);

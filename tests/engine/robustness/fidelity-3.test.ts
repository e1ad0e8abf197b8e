/** Fidelity against the real kubectl, part 3: see `fidelity-suite.ts`. */
import { fidelitySuite } from "./fidelity-suite";

fidelitySuite(2);

void import('../../exchange/simulator/main.js').then((m) => m.main()); // the department simulator lives in the exchange module

"""Demo content written by the tropewiki team, loaded into an empty wiki on first start."""

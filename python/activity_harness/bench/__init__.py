"""Benchmarks: the temporal joins against the public peers and a plain self-join, and the
headless CRM's person resolution. Figures go to benchmarks/, which the README quotes."""

using BenchmarkDotNet.Running;
using TakedownDesk.Benchmarks;

BenchmarkRunner.Run<DocumentBenchmarks>(args: args);

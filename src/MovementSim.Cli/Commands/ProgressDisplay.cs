using System.Diagnostics;
using System.Globalization;
using MovementSim.Batch;
using Spectre.Console;

namespace MovementSim.Cli.Commands;

/// <summary>
/// Progress of a batch: a Spectre.Console bar (runs done, runs per second, time left) on an interactive terminal,
/// a plain line every few seconds on stderr otherwise (a pipe or a file), nothing with --quiet. The terminal is
/// passed in (an <see cref="IAnsiConsole"/>, a test console in tests); only the program's entry point knows whether
/// stderr is one.
/// </summary>
public static class ProgressDisplay
{
    /// <summary>The process's stderr as a Spectre console when it is an interactive terminal; null on a pipe or file.</summary>
    public static IAnsiConsole? StandardErrorTerminal() =>
        Console.IsErrorRedirected ? null : AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    /// <summary>Runs <paramref name="work"/> with the progress display that fits: the bar on <paramref name="terminal"/>, else lines on <paramref name="stderr"/>.</summary>
    public static T Run<T>(IAnsiConsole? terminal, TextWriter stderr, bool quiet, Func<IBatchProgress, T> work)
    {
        if (quiet)
        {
            return work(NoProgress.Instance);
        }
        if (terminal is { Profile.Capabilities.Interactive: true } console)
        {
            return console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(context => work(new BarProgress(context)));
        }
        return work(new LineProgress(stderr, TimeSpan.FromSeconds(5)));
    }

    private sealed class BarProgress(ProgressContext context) : IBatchProgress
    {
        private ProgressTask? _task;
        private int _done;
        private int _total;
        private int _failed;
        private int _resumed;
        private readonly Stopwatch _clock = new();

        public void Started(int total, int alreadyDone)
        {
            _total = total;
            _done = _resumed = alreadyDone;
            _task = context.AddTask(Describe(), maxValue: Math.Max(1, total));
            _task.Value = alreadyDone;
            _clock.Start();
        }

        public void RunFinished(RunSpec run, bool failed)
        {
            Interlocked.Increment(ref _done);
            if (failed)
            {
                Interlocked.Increment(ref _failed);
            }
            if (_task is { } task)
            {
                task.Increment(1);
                task.Description = Describe();
            }
        }

        public void Assembling()
        {
            if (_task is { } task)
            {
                task.Value = task.MaxValue;
                task.Description = Describe() + " - writing results";
            }
        }

        private string Describe()
        {
            var seconds = _clock.Elapsed.TotalSeconds;
            var rate = seconds > 0 ? (Volatile.Read(ref _done) - _resumed) / seconds : 0;
            var failed = Volatile.Read(ref _failed);
            return string.Create(CultureInfo.InvariantCulture,
                $"runs {Volatile.Read(ref _done)}/{_total}, {rate:0.0}/s{(failed > 0 ? $", [red]{failed} failed[/]" : "")}");
        }
    }

    /// <summary>For pipes and log files: one line at most every <c>interval</c>, and one at the end.</summary>
    public sealed class LineProgress(TextWriter output, TimeSpan interval) : IBatchProgress
    {
        private readonly Stopwatch _clock = new();
        private readonly Lock _gate = new();
        private int _done;
        private int _resumed;
        private int _total;
        private int _failed;
        private TimeSpan _lastReport;

        public void Started(int total, int alreadyDone)
        {
            _total = total;
            _done = _resumed = alreadyDone;
            _clock.Start();
            lock (_gate)
            {
                output.WriteLine(alreadyDone > 0
                    ? $"movementsim: {total} runs, {alreadyDone} already done (resuming)"
                    : $"movementsim: {total} runs");
            }
        }

        public void RunFinished(RunSpec run, bool failed)
        {
            lock (_gate)
            {
                _done++;
                if (failed)
                {
                    _failed++;
                }
                var now = _clock.Elapsed;
                if (now - _lastReport >= interval)
                {
                    _lastReport = now;
                    output.WriteLine(Line(now));
                }
            }
        }

        public void Assembling()
        {
            lock (_gate)
            {
                output.WriteLine(Line(_clock.Elapsed) + "; writing results");
            }
        }

        private string Line(TimeSpan elapsed)
        {
            var executed = _done - _resumed;
            var rate = elapsed.TotalSeconds > 0 ? executed / elapsed.TotalSeconds : 0;
            var left = rate > 0 ? TimeSpan.FromSeconds((_total - _done) / rate) : (TimeSpan?)null;
            var leftText = left is { } l ? l.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : "unknown";
            var failedText = _failed > 0 ? $", {_failed} failed" : "";
            return string.Create(CultureInfo.InvariantCulture, $"movementsim: runs {_done}/{_total}, {rate:0.0}/s, time left {leftText}{failedText}");
        }
    }
}

using System.IO;
using System.Management.Automation;
using ClassicDeploy.Shell;
using Xunit;

namespace ClassicDeploy.Tests.Shell;

public sealed class ProgressRendererTests
{
    private static ProgressRecord Record(string status, int percent, int id = 1, int parent = -1) =>
        new(id, "Upgrading prod", status) { PercentComplete = percent, ParentActivityId = parent };

    private static ProgressRecord Completed(int id = 1) =>
        new(id, "Upgrading prod", "done") { RecordType = ProgressRecordType.Completed };

    [Fact]
    public void On_a_terminal_a_bar_is_drawn_redrawn_in_place_and_removed_when_completed()
    {
        var output = new StringWriter();
        var sink = new ConsoleSink(output, new StringWriter(), isTerminal: true, useColor: true);

        sink.Progress.Update(1, Record("upgrade domain 1 of 2", 50));
        string first = output.ToString();
        sink.Progress.Update(1, Record("upgrade domain 2 of 2", 100));
        sink.Progress.Update(1, Completed());
        sink.Write("after\n");

        Assert.Equal("Upgrading prod [###############...............]  50% upgrade domain 1 of 2\n", first);
        string all = output.ToString();
        Assert.Contains("\u001b[1A\r\u001b[J" + "Upgrading prod [##############################] 100% upgrade domain 2 of 2\n", all);
        Assert.EndsWith("\u001b[1A\r\u001b[Jafter\n", all); // the bar is cleared, then the text, no bar redrawn
    }

    [Fact]
    public void On_a_terminal_text_written_while_a_bar_is_shown_goes_above_it()
    {
        var output = new StringWriter();
        var sink = new ConsoleSink(output, new StringWriter(), isTerminal: true, useColor: false);

        sink.Progress.Update(1, Record("upgrade domain 1 of 5", 20));
        sink.Write("WARNING: slow\n", System.ConsoleColor.Yellow);

        Assert.EndsWith("\u001b[1A\r\u001b[JWARNING: slow\nUpgrading prod [######........................]  20% upgrade domain 1 of 5\n", output.ToString());
    }

    [Fact]
    public void Nested_records_are_indented_under_their_parent()
    {
        var output = new StringWriter();
        var sink = new ConsoleSink(output, new StringWriter(), isTerminal: true, useColor: false);

        sink.Progress.Update(1, Record("walking", 40, id: 1));
        sink.Progress.Update(1, new ProgressRecord(2, "Role WebRole", "instance 3 of 4") { ParentActivityId = 1 });

        Assert.EndsWith("Upgrading prod [############..................]  40% walking\n  Role WebRole instance 3 of 4\n", output.ToString());
    }

    [Fact]
    public void In_a_log_each_change_is_one_line_and_repeats_are_dropped()
    {
        var output = new StringWriter();
        var sink = new ConsoleSink(output, new StringWriter(), isTerminal: false, useColor: false);

        sink.Progress.Update(1, Record("upgrade domain 1 of 2", 50));
        sink.Progress.Update(2, Record("upgrade domain 1 of 2", 50));
        sink.Progress.Update(3, Record("upgrade domain 2 of 2", 100));
        sink.Progress.Update(4, Completed());
        sink.Progress.Update(5, Completed(id: 9));

        Assert.Equal(
            "[progress] Upgrading prod: 50% upgrade domain 1 of 2\n" +
            "[progress] Upgrading prod: 100% upgrade domain 2 of 2\n" +
            "[progress] Upgrading prod: completed\n",
            output.ToString());
    }

    [Fact]
    public void Colour_codes_from_the_formatter_are_stripped_when_colour_is_off()
    {
        var output = new StringWriter();
        var plain = new ConsoleSink(output, new StringWriter(), isTerminal: false, useColor: false);

        plain.Write("\u001b[32;1mServiceName\u001b[0m\n", System.ConsoleColor.Red);

        Assert.Equal("ServiceName\n", output.ToString());
    }
}

using Craftsman.Contracts.Registration;
using Craftsman.Grains.Registration;

namespace Craftsman.Rules.Tests.Selection;

public sealed class DuplicateDetectorTests
{
    private static RegistrationRecord Entry(string receipt, string name, string idLast4, string employer) =>
        new(receipt, new RegistrationForm(name, employer, "13800138000", idLast4, "statement"), DateTimeOffset.UnixEpoch, RegistrationStatus.Pending, null, null, null);

    [Fact]
    public void SameNameDigitsAndEmployerSpelledDifferentlyAreDuplicates()
    {
        var entries = new[]
        {
            Entry("A", "张 三", "1234", "北京·机床（集团）"),
            Entry("B", "张三", "1234", "北京机床(集团)"),
            Entry("C", "张三", "1234", "北京机床集团 "),
        };

        var found = DuplicateDetector.Find(entries);

        Assert.Equal<string>(["B", "C"], found["A"]);
        Assert.Equal<string>(["A", "C"], found["B"]);
    }

    [Theory]
    [InlineData("李四", "1234", "北京机床集团")]
    [InlineData("张三", "1235", "北京机床集团")]
    [InlineData("张三", "1234", "首都钢铁")]
    public void OneDifferentFieldMeansADifferentPerson(string name, string idLast4, string employer)
    {
        var found = DuplicateDetector.Find([Entry("A", "张三", "1234", "北京机床集团"), Entry("B", name, idLast4, employer)]);

        Assert.Empty(found["A"]);
        Assert.Empty(found["B"]);
    }

    [Fact]
    public void LatinNamesCompareWithoutCase()
    {
        var found = DuplicateDetector.Find([Entry("A", "Li Ming", "0001", "Beijing Works"), Entry("B", "LI MING", "0001", "beijing works")]);

        Assert.Equal<string>(["B"], found["A"]);
    }
}

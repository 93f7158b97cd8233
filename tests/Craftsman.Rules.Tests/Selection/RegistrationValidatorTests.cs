using Craftsman.Contracts.Registration;
using Craftsman.Grains.Registration;

namespace Craftsman.Rules.Tests.Selection;

public sealed class RegistrationValidatorTests
{
    private static readonly RegistrationForm Good = new("王 建国", "北京第一机床厂", "138 0013 8000", "123x", "二十年数控车削经验。\r\n曾获市级奖项。");

    [Fact]
    public void GoodFormIsAcceptedAndCleaned()
    {
        var (form, refusal) = RegistrationValidator.Validate(Good with { Name = "  王   建国 ", IdLast4 = "１２３x" });

        Assert.Null(refusal);
        Assert.Equal("王 建国", form.Name);
        Assert.Equal("123X", form.IdLast4);
        Assert.Equal("二十年数控车削经验。\n曾获市级奖项。", form.Statement);
    }

    [Theory]
    [InlineData("name", RegistrationRefusalCode.FieldRequired)]
    [InlineData("employer", RegistrationRefusalCode.FieldRequired)]
    [InlineData("contact", RegistrationRefusalCode.FieldRequired)]
    [InlineData("idLast4", RegistrationRefusalCode.FieldRequired)]
    [InlineData("statement", RegistrationRefusalCode.FieldRequired)]
    public void EmptyFieldIsRefusedByName(string field, RegistrationRefusalCode code)
    {
        var form = field switch
        {
            "name" => Good with { Name = "   " },
            "employer" => Good with { Employer = "" },
            "contact" => Good with { Contact = "" },
            "idLast4" => Good with { IdLast4 = " " },
            _ => Good with { Statement = "\n\n" },
        };

        var refusal = RegistrationValidator.Validate(form).Refusal;

        Assert.Equal(code, refusal?.Code);
        Assert.Equal(field, refusal?.Field);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("12X4")]
    [InlineData("abcd")]
    [InlineData("123")]
    public void IdDigitsOtherThanFourDigitsOrThreeAndXAreRefused(string idLast4)
    {
        var refusal = RegistrationValidator.Validate(Good with { IdLast4 = idLast4 }).Refusal;

        Assert.Equal(RegistrationRefusalCode.IdLast4Invalid, refusal?.Code);
    }

    [Theory]
    [InlineData("zhang.san@example.cn", true)]
    [InlineData("+86 10-6512 3456", true)]
    [InlineData("12345", false)]
    [InlineData("call me", false)]
    [InlineData("a@b", false)]
    public void ContactIsATelephoneNumberOrAnEmailAddress(string contact, bool accepted)
    {
        var refusal = RegistrationValidator.Validate(Good with { Contact = contact }).Refusal;

        Assert.Equal(accepted ? null : RegistrationRefusalCode.ContactInvalid, refusal?.Code);
    }

    [Fact]
    public void OverlongStatementIsRefusedWithItsLength()
    {
        var refusal = RegistrationValidator.Validate(Good with { Statement = new string('长', RegistrationValidator.StatementMax + 1) }).Refusal;

        Assert.Equal(RegistrationRefusalCode.FieldTooLong, refusal?.Code);
        Assert.Contains("2001", refusal?.Message);
    }

    [Theory]
    [InlineData("阿卜杜拉·艾买提", true)]
    [InlineData("Mary O'Neil-Smith", true)]
    [InlineData("<script>", false)]
    [InlineData("张三123", false)]
    public void NameHoldsLettersAndTheMarksOfRealNamesOnly(string name, bool accepted)
    {
        var refusal = RegistrationValidator.Validate(Good with { Name = name }).Refusal;

        Assert.Equal(accepted ? null : RegistrationRefusalCode.FieldInvalid, refusal?.Code);
    }

    [Fact]
    public void ControlCharactersAreRefused()
    {
        var refusal = RegistrationValidator.Validate(Good with { Employer = "北京\u0000机床" }).Refusal;

        Assert.Equal(RegistrationRefusalCode.FieldInvalid, refusal?.Code);
        Assert.Equal("employer", refusal?.Field);
    }
}

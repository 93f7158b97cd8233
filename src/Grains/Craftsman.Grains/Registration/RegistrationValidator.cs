using System.Text.RegularExpressions;
using Craftsman.Contracts.Registration;

namespace Craftsman.Grains.Registration;

/// <summary>
/// Checks an open-call form field by field and answers it cleaned (see <see cref="FieldText"/>), or
/// the first field at fault with a code the page translates. Limits are generous for real names and
/// employers and small enough that a registry of thousands stays a small write.
/// </summary>
public static partial class RegistrationValidator
{
    public const int NameMax = 50;
    public const int EmployerMax = 100;
    public const int ContactMax = 100;
    public const int StatementMax = 2000;

    public static (RegistrationForm Form, RegistrationRefusal? Refusal) Validate(RegistrationForm form)
    {
        var cleaned = new RegistrationForm(
            FieldText.Clean(form.Name),
            FieldText.Clean(form.Employer),
            FieldText.Clean(form.Contact),
            FieldText.Clean(form.IdLast4).ToUpperInvariant(),
            FieldText.CleanParagraphs(form.Statement));
        return (cleaned, Check(cleaned));
    }

    private static RegistrationRefusal? Check(RegistrationForm f) =>
        Text(f.Name, "name", NameMax)
        ?? (NameCharacters().IsMatch(f.Name) ? null : Refuse(RegistrationRefusalCode.FieldInvalid, "name", "A name holds letters, spaces, middle dots (·), hyphens, apostrophes and full stops only."))
        ?? Text(f.Employer, "employer", EmployerMax)
        ?? Text(f.Contact, "contact", ContactMax)
        ?? (IsContact(f.Contact) ? null : Refuse(RegistrationRefusalCode.ContactInvalid, "contact", "Give a telephone number (7 to 15 digits) or an e-mail address."))
        ?? (f.IdLast4.Length == 0 ? Refuse(RegistrationRefusalCode.FieldRequired, "idLast4", "The field 'idLast4' is required.") : null)
        ?? (IdLast4Pattern().IsMatch(f.IdLast4) ? null : Refuse(RegistrationRefusalCode.IdLast4Invalid, "idLast4", "The last 4 characters of an ID number are 4 digits, or 3 digits and X."))
        ?? Text(f.Statement, "statement", StatementMax, allowLineBreaks: true);

    private static RegistrationRefusal? Text(string value, string field, int max, bool allowLineBreaks = false) =>
        value.Length == 0 ? Refuse(RegistrationRefusalCode.FieldRequired, field, $"The field '{field}' is required.")
        : value.Length > max ? Refuse(RegistrationRefusalCode.FieldTooLong, field, $"The field '{field}' holds at most {max} characters; it has {value.Length}.")
        : FieldText.HasForbiddenCharacters(value, allowLineBreaks) ? Refuse(RegistrationRefusalCode.FieldInvalid, field, $"The field '{field}' holds characters that cannot be shown (control or unassigned characters).")
        : null;

    private static bool IsContact(string contact) =>
        EmailPattern().IsMatch(contact)
        || PhonePattern().IsMatch(contact) && contact.Count(char.IsAsciiDigit) is >= 7 and <= 15;

    private static RegistrationRefusal Refuse(RegistrationRefusalCode code, string field, string message) => new(code, message, field);

    [GeneratedRegex(@"^[\p{L}\p{M}][\p{L}\p{M} ·.'\-]*$")]
    private static partial Regex NameCharacters();

    [GeneratedRegex(@"^\d{3}[\dX]$")]
    private static partial Regex IdLast4Pattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[\d\s\-()]+$")]
    private static partial Regex PhonePattern();
}

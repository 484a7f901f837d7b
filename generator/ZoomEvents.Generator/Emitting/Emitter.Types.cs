using System.Globalization;
using System.Linq;
using Scriban.Runtime;
using ZoomEvents.Generator.Model;

namespace ZoomEvents.Generator.Emitting;

internal static partial class Emitter
{
    private const string JsonTokenNull = "global::System.Text.Json.JsonTokenType.Null";

    private static ScriptObject TypeCommon(GenerationContext c, TypeSpec type)
    {
        var so = Common(c);
        so["name"] = type.Name;
        so["full_name"] = Full(c, type.Name);
        so["converter"] = type.Name + "JsonConverter";
        so["name_literal"] = CSharp.Literal(type.Name);
        so["doc"] = Doc(type.Description);
        return so;
    }

    private static ScriptObject ObjectModel(GenerationContext c, TypeSpec type)
    {
        var so = TypeCommon(c, type);
        var wire = c.ClientName + "Wire";
        var properties = new ScriptArray();
        for (var i = 0; i < type.Properties.Count; i++)
        {
            var p = type.Properties[i];
            var clr = CSharp.Type(p.Type, c.Namespace);
            var nonNull = p.IsRequired && !p.IsNullable;
            var local = "__p" + i.ToString(CultureInfo.InvariantCulture);
            var seen = "__s" + i.ToString(CultureInfo.InvariantCulture);
            var field = "__c" + i.ToString(CultureInfo.InvariantCulture);
            var json = CSharp.Literal(p.JsonName) + "u8";
            // Names are encoded once per type, not validated and escaped on every write (as STJ's source generator does).
            var name = "__n" + i.ToString(CultureInfo.InvariantCulture);
            var v = "__v" + i.ToString(CultureInfo.InvariantCulture);
            // Plain strings skip the converter call: the wire converter only calls WriteStringValue.
            string WriteValue(string expression) => p.Type.Kind == TypeRefKind.String
                ? "writer.WriteString(" + name + ", " + expression + ");"
                : "writer.WritePropertyName(" + name + "); " + field + ".Write(writer, " + expression + ", options);";
            var missing = CSharp.Literal(type.Name + ": the required property '" + p.JsonName + "' is missing" + (nonNull ? " or null." : "."));
            var description = p.IsDeprecated ? (p.Description is null ? "Deprecated." : p.Description + "\nDeprecated.") : p.Description;
            properties.Add(new ScriptObject
            {
                ["declaration"] = "public " + (p.IsRequired ? "required " : "") + clr + (nonNull ? "" : "?") + " " + p.Name + " { get; init; }",
                ["doc"] = Doc(description),
                ["value_type"] = clr,
                ["field"] = field,
                ["converter"] = CSharp.Converter(p.Type, c.Namespace, wire),
                ["local_declaration"] = clr + "? " + local + " = default;" + (p.IsRequired ? " var " + seen + " = false;" : ""),
                ["match"] = (i == 0 ? "if" : "else if") + " (reader.ValueTextEquals(" + json + "))",
                ["read"] = "if (reader.TokenType == " + JsonTokenNull + ") { " + local + " = default; } else { " + local + " = " + field + ".Read(ref reader, typeof(" + clr + "), options); }"
                    + (p.IsRequired ? " " + seen + " = true;" : ""),
                ["check"] = !p.IsRequired ? ""
                    : "if (!" + seen + (nonNull ? " || " + local + " is null" : "") + ") throw new global::System.Text.Json.JsonException(" + missing + ");",
                ["assignment"] = p.Name + " = " + local + (!nonNull ? "" : p.Type.IsValueType ? ".GetValueOrDefault()" : "!"),
                ["name_field"] = name,
                ["name_literal"] = CSharp.Literal(p.JsonName),
                ["write"] = nonNull && p.Type.IsValueType
                    ? WriteValue("value." + p.Name)
                    : "if (value." + p.Name + " is { } " + v + ") { " + WriteValue(v) + " }"
                        // Required but nullable: null is a value the server must see (e.g. clearing a field), not an omission.
                        + (p.IsRequired && p.IsNullable ? " else { writer.WriteNull(" + name + "); }" : ""),
            });
        }
        so["properties"] = properties;
        so["fallback"] = type.Properties.Count > 0 ? "else" : "";
        var additional = type.AdditionalProperties;
        so["has_additional"] = additional is not null;
        so["additional_type"] = additional is null ? "" : CSharp.Type(additional, c.Namespace);
        so["additional_dictionary"] = additional is null ? "" : "global::System.Collections.Generic.IReadOnlyDictionary<global::System.String, " + CSharp.Type(additional, c.Namespace) + ">";
        so["additional_converter"] = additional is null ? "" : CSharp.Converter(additional, c.Namespace, wire);
        return so;
    }

    private static ScriptObject StringEnumModel(GenerationContext c, TypeSpec type)
    {
        var so = TypeCommon(c, type);
        so["members"] = Array(type.Members.Select(m => (object)new ScriptObject
        {
            ["name"] = m.Name,
            ["literal"] = CSharp.Literal(m.Value),
            // The wire value is the most useful doc: it is what Zoom's documentation and payloads show.
            ["doc"] = Doc(m.Description is null ? "Wire value \"" + m.Value + "\"." : m.Description),
        }));
        so["known_list"] = string.Join(", ", type.Members.Select(m => m.Name));
        return so;
    }

    private static ScriptObject IntEnumModel(GenerationContext c, TypeSpec type)
    {
        var so = TypeCommon(c, type);
        var wide = type.Members.Any(m => long.TryParse(m.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && (v > int.MaxValue || v < int.MinValue));
        so["underlying"] = wide ? "long" : "int";
        so["underlying_full"] = wide ? "global::System.Int64" : "global::System.Int32";
        so["read_method"] = wide ? "ReadInt64" : "ReadInt32";
        so["members"] = Array(type.Members.Select(m => (object)new ScriptObject
        {
            ["name"] = m.Name,
            ["value"] = m.Value,
            ["doc"] = Doc(m.Description),
        }));
        return so;
    }

    private static ScriptObject UnionModel(GenerationContext c, TypeSpec type)
    {
        var so = TypeCommon(c, type);
        var wire = c.ClientName + "Wire";
        var variants = new ScriptArray();
        var implicitTypes = new System.Collections.Generic.HashSet<string>();
        for (var i = 0; i < type.Variants.Count; i++)
        {
            var v = type.Variants[i];
            var clr = CSharp.Type(v.Type, c.Namespace);
            // User-defined conversions from interfaces are illegal (CS0552), and one source type may convert only once.
            var canConvert = v.Type.Kind is not (TypeRefKind.List or TypeRefKind.Map) && implicitTypes.Add(clr);
            variants.Add(new ScriptObject
            {
                ["name"] = v.Name,
                ["type"] = clr,
                ["nullable_type"] = clr + "?",
                ["field"] = "__c" + i.ToString(CultureInfo.InvariantCulture),
                ["local"] = "__v" + i.ToString(CultureInfo.InvariantCulture),
                ["converter"] = CSharp.Converter(v.Type, c.Namespace, wire),
                ["implicit"] = canConvert,
                ["kinds"] = JsonKinds(v.Type).ToString(CultureInfo.InvariantCulture),
                ["discriminators"] = string.Join(", ", v.DiscriminatorValues.Select(CSharp.Literal)),
                ["required"] = string.Join(", ", v.RequiredJsonNames.Select(CSharp.Literal)),
                ["known"] = string.Join(", ", v.KnownJsonNames.Select(CSharp.Literal)),
            });
        }
        so["variants"] = variants;
        so["has_discriminator"] = type.DiscriminatorJsonName is not null;
        so["discriminator_literal"] = type.DiscriminatorJsonName is null ? "null" : CSharp.Literal(type.DiscriminatorJsonName);
        return so;
    }

    /// <summary>JSON kinds a type accepts, as the VariantShape flags of the wire helper (1 object … 16 boolean).</summary>
    private static int JsonKinds(TypeRef type) => type.Kind switch
    {
        TypeRefKind.String or TypeRefKind.DateTimeOffset => 4,
        TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Double => 8,
        TypeRefKind.Boolean => 16,
        TypeRefKind.List => 2,
        TypeRefKind.Map => 1,
        TypeRefKind.Named => type.NamedKind switch
        {
            TypeKind.StringEnum => 4,
            TypeKind.IntEnum => 8,
            TypeKind.Object => 1,
            _ => 31,
        },
        _ => 31,
    };
}
